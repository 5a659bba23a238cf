import { randomBytes } from 'node:crypto';

export type Env = Readonly<Record<string, string | undefined>>;

export const APP_NAMES = ['meta-sandbox', 'gateway', 'compliance', 'tokens', 'outbound'] as const;
export type AppName = (typeof APP_NAMES)[number];

export const DEFAULT_PORTS: Record<AppName, number> = {
  gateway: 3000,
  outbound: 3001,
  tokens: 3002,
  compliance: 3003,
  'meta-sandbox': 3004,
};

/** The Meta app the sandbox plays locally; the same ids the sandbox seeds by default. */
export const LOCAL_META_APP = {
  appId: '900000000000001',
  appSecret: 'parley-sandbox-demo-app-secret-0001',
  verifyToken: 'parley-sandbox-verify-token',
};

export interface StackPlan {
  startPostgres: { port: number; dataDir: string } | null;
  startKafka: { port: number; dataDir: string } | null;
  apps: { name: AppName; port: number; env: Record<string, string> }[];
}

export interface LocalSecrets {
  tokenEncryptionKey: string;
  internalApiToken: string;
  onboardingStateSecret: string;
}

export function newLocalSecrets(): LocalSecrets {
  return {
    tokenEncryptionKey: `local1:${randomBytes(32).toString('base64')}`,
    internalApiToken: randomBytes(24).toString('hex'),
    onboardingStateSecret: randomBytes(24).toString('hex'),
  };
}

function portOf(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${name} must be a port number (got "${value}")`);
  return port;
}

/**
 * What `npm start` runs: the embedded PostgreSQL and the local Kafka unless DATABASE_URL / KAFKA_BROKERS name
 * real ones, the Meta sandbox unless a Meta app is configured, then every app with the settings it needs.
 */
export function planStack(env: Env, dataRoot: string, secrets: LocalSecrets): StackPlan {
  const ports = Object.fromEntries(
    APP_NAMES.map((name) => [name, portOf(env, `${name.toUpperCase().replace('-', '_')}_PORT`, DEFAULT_PORTS[name])]),
  ) as Record<AppName, number>;
  const postgresPort = portOf(env, 'EMBEDDED_POSTGRES_PORT', 5433);
  const kafkaPort = portOf(env, 'EMBEDDED_KAFKA_PORT', 9092);
  const useSandbox = !env.META_APP_ID;
  const url = (name: AppName) => `http://127.0.0.1:${ports[name]}`;
  const shared: Record<string, string> = {
    LOG_LEVEL: env.LOG_LEVEL ?? 'info',
    DATABASE_URL: env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${postgresPort}/parley`,
    KAFKA_BROKERS: env.KAFKA_BROKERS ?? `127.0.0.1:${kafkaPort}`,
    META_APP_ID: env.META_APP_ID ?? LOCAL_META_APP.appId,
    META_APP_SECRET: env.META_APP_SECRET ?? LOCAL_META_APP.appSecret,
    META_VERIFY_TOKEN: env.META_VERIFY_TOKEN ?? LOCAL_META_APP.verifyToken,
    META_GRAPH_URL: env.META_GRAPH_URL ?? (useSandbox ? url('meta-sandbox') : 'https://graph.facebook.com'),
    META_GRAPH_VERSION: env.META_GRAPH_VERSION ?? 'v25.0',
    META_DIALOG_URL: env.META_DIALOG_URL ?? (useSandbox ? url('meta-sandbox') : 'https://www.facebook.com'),
    TOKEN_ENCRYPTION_KEY: env.TOKEN_ENCRYPTION_KEY ?? secrets.tokenEncryptionKey,
    INTERNAL_API_TOKEN: env.INTERNAL_API_TOKEN ?? secrets.internalApiToken,
    ONBOARDING_STATE_SECRET: env.ONBOARDING_STATE_SECRET ?? secrets.onboardingStateSecret,
    TOKENS_URL: url('tokens'),
    COMPLIANCE_URL: url('compliance'),
  };
  for (const name of ['KAFKA_SSL', 'KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD']) {
    if (env[name] !== undefined) shared[name] = env[name]!;
  }
  const apps = APP_NAMES.filter((name) => name !== 'meta-sandbox' || useSandbox).map((name) => ({
    name,
    port: ports[name],
    env: {
      ...shared,
      PORT: String(ports[name]),
      HOST: '127.0.0.1',
      PUBLIC_URL: env.PUBLIC_URL ?? url(name),
      ...(name === 'meta-sandbox'
        ? {
            META_SANDBOX_DEMO_APP_ID: shared.META_APP_ID,
            META_SANDBOX_DEMO_APP_SECRET: shared.META_APP_SECRET,
            META_SANDBOX_DEMO_VERIFY_TOKEN: shared.META_VERIFY_TOKEN,
            META_SANDBOX_DEMO_CALLBACK_URL: `${url('gateway')}/webhooks/meta`,
          }
        : {}),
    },
  }));
  return {
    startPostgres: env.DATABASE_URL ? null : { port: postgresPort, dataDir: `${dataRoot}/postgres` },
    startKafka: env.KAFKA_BROKERS ? null : { port: kafkaPort, dataDir: `${dataRoot}/kafka` },
    apps,
  };
}
