import { LOCAL_META_APP, planStack } from './stack-plan';

describe(planStack.name, () => {
  const secrets = { tokenEncryptionKey: 'k', internalApiToken: 'i', onboardingStateSecret: 's' };

  it('starts PostgreSQL, Kafka and the sandbox when nothing is configured', () => {
    const sut = planStack({}, '.data', secrets);
    expect(sut.startPostgres).toEqual({ port: 5433, dataDir: '.data/postgres' });
    expect(sut.startKafka).toEqual({ port: 9092, dataDir: '.data/kafka' });
    expect(sut.apps.map((a) => [a.name, a.port])).toEqual([
      ['meta-sandbox', 3004],
      ['gateway', 3000],
      ['compliance', 3003],
      ['tokens', 3002],
      ['outbound', 3001],
    ]);
    const gateway = sut.apps.find((a) => a.name === 'gateway')!;
    expect(gateway.env).toMatchObject({
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:5433/parley',
      KAFKA_BROKERS: '127.0.0.1:9092',
      META_GRAPH_URL: 'http://127.0.0.1:3004',
      META_APP_SECRET: LOCAL_META_APP.appSecret,
      PORT: '3000',
    });
    const sandbox = sut.apps.find((a) => a.name === 'meta-sandbox')!;
    expect(sandbox.env.META_SANDBOX_DEMO_CALLBACK_URL).toBe('http://127.0.0.1:3000/webhooks/meta');
  });

  it('starts nothing for what is configured, and no sandbox for a real Meta app', () => {
    const sut = planStack(
      {
        DATABASE_URL: 'postgres://db/parley',
        KAFKA_BROKERS: 'k:9092',
        META_APP_ID: '42',
        META_APP_SECRET: 's',
        GATEWAY_PORT: '8080',
      },
      '.data',
      secrets,
    );
    expect(sut.startPostgres).toBeNull();
    expect(sut.startKafka).toBeNull();
    expect(sut.apps.map((a) => a.name)).not.toContain('meta-sandbox');
    const gateway = sut.apps.find((a) => a.name === 'gateway')!;
    expect(gateway).toMatchObject({
      port: 8080,
      env: { DATABASE_URL: 'postgres://db/parley', META_GRAPH_URL: 'https://graph.facebook.com' },
    });
  });

  it('names a bad port variable', () => {
    expect(() => planStack({ OUTBOUND_PORT: 'x' }, '.data', secrets)).toThrow('OUTBOUND_PORT must be a port number');
  });
});
