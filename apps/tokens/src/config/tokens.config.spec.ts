import { ConfigValidationError, loadConfig } from '@app/config';
import { TokensConfig } from './tokens.config';

const valid = {
  PORT: '3002',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/parley',
  META_APP_ID: '1234',
  META_APP_SECRET: 'secret',
  TOKEN_ENCRYPTION_KEY: `k2:${Buffer.alloc(32, 1).toString('base64')},k1:${Buffer.alloc(32, 2).toString('base64')}`,
  ONBOARDING_STATE_SECRET: 'x'.repeat(32),
  INTERNAL_API_TOKEN: 'y'.repeat(32),
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig({ app: TokensConfig }, env);
    return [];
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
}

describe(TokensConfig.name, () => {
  it('loads with defaults for everything optional', () => {
    const { app: sut } = loadConfig({ app: TokensConfig }, valid);
    expect(sut).toMatchObject({ META_GRAPH_VERSION: 'v25.0', ACCESS_TOKEN_TTL_SECONDS: 900, AUTH_AUDIENCE: 'parley' });
    expect(sut.issuer).toBe('http://localhost:3002');
    expect(loadConfig({ app: TokensConfig }, { ...valid, PUBLIC_URL: 'https://tokens.example' }).app.issuer).toBe(
      'https://tokens.example',
    );
  });

  it.each([
    ['TOKEN_ENCRYPTION_KEY', { TOKEN_ENCRYPTION_KEY: 'k1:short' }],
    ['TOKEN_ENCRYPTION_KEY', { TOKEN_ENCRYPTION_KEY: undefined }],
    ['ONBOARDING_STATE_SECRET', { ONBOARDING_STATE_SECRET: 'short' }],
    ['INTERNAL_API_TOKEN', { INTERNAL_API_TOKEN: undefined }],
    ['META_APP_SECRET', { META_APP_SECRET: '' }],
    ['META_GRAPH_VERSION', { META_GRAPH_VERSION: '25' }],
    ['ACCESS_TOKEN_TTL_SECONDS', { ACCESS_TOKEN_TTL_SECONDS: '5' }],
    ['META_ACCESS_LEVELS', { META_ACCESS_LEVELS: 'pages_messaging:full' }],
  ])('names %s when it is bad', (name, overrides) => {
    expect(problems({ ...valid, ...overrides }).join('\n')).toContain(name);
  });
});
