import { DEFAULT_WEBHOOK_BODY_LIMITS, parseJsonLossless, parseWebhookBody, WebhookBodyLimits } from './webhook-body';

const limits: WebhookBodyLimits = { maxBytes: 2048, maxDepth: 8, maxEntries: 2, maxEvents: 3 };
const item = '{"sender":{"id":"1"},"recipient":{"id":"2"},"timestamp":1,"message":{"mid":"m","text":"x"}}';
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe(parseWebhookBody.name, () => {
  it('accepts a Messenger delivery and counts its items', () => {
    const sut = parseWebhookBody(
      bytes(`{"object":"page","entry":[{"id":"2","messaging":[${item}],"standby":[${item}]}]}`),
      limits,
    );
    expect(sut).toMatchObject({ ok: true, messagingItems: 2, delivery: { object: 'page' } });
  });

  it('accepts an Instagram delivery without messaging items', () => {
    const sut = parseWebhookBody(
      bytes('{"object":"instagram","entry":[{"id":"0","changes":[{"field":"comments"}]}]}'),
      limits,
    );
    expect(sut).toMatchObject({ ok: true, messagingItems: 0 });
  });

  it.each<[string, Buffer, string]>([
    ['an empty body', Buffer.alloc(0), 'empty'],
    ['a body over the size cap', bytes(`{"object":"page","entry":[],"pad":"${'x'.repeat(2048)}"}`), 'too_large'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'not_utf8'],
    ['nesting beyond the depth cap', bytes(`{"object":"page","entry":${'['.repeat(20)}${']'.repeat(20)}}`), 'too_deep'],
    ['truncated JSON', bytes('{"object":"page","entry":['), 'malformed_json'],
    ['garbage', bytes('hello'), 'malformed_json'],
    ['a JSON array', bytes('[1,2]'), 'not_an_object'],
    ['a JSON string', bytes('"page"'), 'not_an_object'],
    ['object user', bytes('{"object":"user","entry":[]}'), 'unknown_object'],
    ['no object', bytes('{"entry":[]}'), 'unknown_object'],
    ['no entry array', bytes('{"object":"page","entry":{}}'), 'invalid_envelope'],
    ['an entry that is not an object', bytes('{"object":"page","entry":[1]}'), 'invalid_envelope'],
    ['messaging that is not an array', bytes('{"object":"page","entry":[{"messaging":{}}]}'), 'invalid_envelope'],
    [
      'a messaging item that is not an object',
      bytes('{"object":"page","entry":[{"messaging":[null]}]}'),
      'invalid_envelope',
    ],
    ['too many entries', bytes('{"object":"page","entry":[{},{},{}]}'), 'too_many_entries'],
    [
      'too many events',
      bytes(`{"object":"page","entry":[{"messaging":[${item},${item}]},{"standby":[${item},${item}]}]}`),
      'too_many_events',
    ],
  ])('rejects %s', (_case, body, reason) => {
    expect(parseWebhookBody(body, limits)).toEqual({ ok: false, reason });
  });

  it('never throws on arbitrary bytes', () => {
    for (let i = 0; i < 500; i++) {
      const random = Buffer.from(Array.from({ length: 1 + (i % 64) }, (_, j) => (i * 31 + j * 17) % 256));
      expect(() => parseWebhookBody(random, DEFAULT_WEBHOOK_BODY_LIMITS)).not.toThrow();
    }
  });

  it('checks depth without recursion on a deeply nested body', () => {
    const deep = bytes(`{"object":"page","entry":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    expect(parseWebhookBody(deep, { ...DEFAULT_WEBHOOK_BODY_LIMITS, maxBytes: 1_000_000 })).toEqual({
      ok: false,
      reason: 'too_deep',
    });
  });
});

describe(parseJsonLossless.name, () => {
  it.each<[string, unknown]>([
    ['{"a":12345678901234567890}', { a: '12345678901234567890' }],
    ['{"a":-12345678901234567890}', { a: '-12345678901234567890' }],
    ['{"a":9007199254740991}', { a: 9007199254740991 }],
    ['{"a":1.2345678901234567890}', { a: 1.2345678901234567 }],
    ['{"a":"12345678901234567890"}', { a: '12345678901234567890' }],
    ['{"a":"x\\"12345678901234567890"}', { a: 'x"12345678901234567890' }],
    ['[1e400]', [Infinity]],
  ])('parses %s', (text, expected) => {
    expect(parseJsonLossless(text, 8)).toEqual({ value: expected });
  });
});
