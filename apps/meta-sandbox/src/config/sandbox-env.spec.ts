import { DEFAULT_DELIVERY, DEFAULT_LIMITS, DEFAULT_TOKENS, DEMO_SEED } from '../common/sandbox-settings';
import { sandboxSettingsFromEnv } from './sandbox-env';

describe(sandboxSettingsFromEnv.name, () => {
  it('uses Meta’s figures and the demo seed by default', () => {
    const sut = sandboxSettingsFromEnv({});

    expect(sut.limits).toEqual(DEFAULT_LIMITS);
    expect(sut.delivery).toEqual(DEFAULT_DELIVERY);
    expect(sut.tokens).toEqual(DEFAULT_TOKENS);
    expect(sut.demo).toEqual(DEMO_SEED);
  });

  it('reads overrides, small limits and switched-off receipts', () => {
    const sut = sandboxSettingsFromEnv({
      META_SANDBOX_LIMIT_MESSENGER_SEND: '3/1000',
      META_SANDBOX_RETRY_BASE_MS: '10',
      META_SANDBOX_READ_RECEIPT_MS: 'off',
      META_SANDBOX_SEED_DEMO: 'false',
      META_SANDBOX_AUTO_DELIVER: 'false',
    });

    expect(sut.limits.messengerSend).toEqual({ limit: 3, windowMs: 1000 });
    expect(sut.delivery.retry.baseDelayMs).toBe(10);
    expect(sut.delivery.readReceiptDelayMs).toBeNull();
    expect(sut.delivery.autoDeliver).toBe(false);
    expect(sut.demo).toBeNull();
  });

  it('names every bad variable at once', () => {
    const sut = () =>
      sandboxSettingsFromEnv({
        META_SANDBOX_LIMIT_APP: 'lots',
        META_SANDBOX_DELIVERY_POLL_MS: '-1',
        META_SANDBOX_DEMO_CALLBACK_URL: 'gateway',
      });

    expect(sut).toThrow(
      /META_SANDBOX_LIMIT_APP[\s\S]*META_SANDBOX_DELIVERY_POLL_MS[\s\S]*META_SANDBOX_DEMO_CALLBACK_URL/,
    );
  });
});
