import { randomBytes } from 'node:crypto';
import { CrmTokenVerifier, TENANT_CLAIM } from '@app/auth';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import pg, { Client } from 'pg';
import { AdminRunner } from '../../../apps/tokens/src/admin/admin-runner';
import { TokensAdminModule } from '../../../apps/tokens/src/admin/tokens-admin.module';
import { TokensConfig } from '../../../apps/tokens/src/config/tokens.config';
import { PageConnectionEntity } from '../../../apps/tokens/src/connections/page-connection.entity';
import { parseKeyring } from '../../../apps/tokens/src/crypto/token-cipher';
import { TokenVault } from '../../../apps/tokens/src/crypto/token-vault';
import { TOKENS_ENTITIES } from '../../../apps/tokens/src/entities';
import { TOKENS_MIGRATIONS } from '../../../apps/tokens/src/migrations';
import { testBrokers, uniquePrefix } from '../kafka/support';
import { startTokens, tokensConfig, TokensUnderTest } from './support/tokens-app';

jest.setTimeout(60_000);

describe('CRM clients: OAuth2 client credentials, JWKS, admin command, key rotation', () => {
  let db: TestDatabase;
  let sut: TokensUnderTest;
  const oldKey = `k1:${randomBytes(32).toString('base64')}`;

  beforeAll(async () => {
    db = await createTestDatabase('tokens_clients');
    sut = await startTokens({
      databaseUrl: db.url,
      brokers: testBrokers(),
      prefix: uniquePrefix('tokens-clients'),
      config: tokensConfig({
        META_APP_ID: '1',
        META_APP_SECRET: 's',
        META_GRAPH_URL: 'http://127.0.0.1:1',
        TOKEN_ENCRYPTION_KEY: oldKey,
      }),
    });
  });

  afterAll(async () => {
    await sut?.close();
    await db?.drop();
  });

  async function token(body: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await fetch(`${sut.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  function verifier() {
    return new CrmTokenVerifier({
      issuer: 'https://tokens.parley.test',
      audience: 'parley',
      jwksUrl: `${sut.url}/.well-known/jwks.json`,
    });
  }

  async function admin(config: TokensConfig, argv: Parameters<AdminRunner['run']>[0]) {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: db.url,
            schema: 'tokens',
            entities: TOKENS_ENTITIES,
            migrations: TOKENS_MIGRATIONS,
            poolSize: 2,
          }),
          driver: pg,
        } as Parameters<typeof TypeOrmModule.forRoot>[0]),
        TokensAdminModule.forRoot(config),
      ],
    }).compile();
    const lines: string[] = [];
    try {
      const code = await moduleRef.get(AdminRunner).run(argv, (l) => lines.push(l));
      return { code, lines };
    } finally {
      await moduleRef.close();
    }
  }

  it('issues a short-lived JWT with the tenant and scopes that every app verifies through the JWKS', async () => {
    const created = await admin(sut.config, {
      kind: 'create-client',
      tenantId: 'acme',
      name: 'Acme CRM',
      scopes: ['messages:send', 'pages:read'],
    });
    const client = JSON.parse(created.lines[0]) as { clientId: string; clientSecret: string };
    const answer = await token(
      { grant_type: 'client_credentials', scope: 'pages:read' },
      {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'pages:read' });
    const claims = decodeJwt(String(answer.body.access_token));
    expect(claims).toMatchObject({ sub: client.clientId, [TENANT_CLAIM]: 'acme', scope: 'pages:read', aud: 'parley' });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
    expect(await verifier().verify(String(answer.body.access_token))).toEqual({
      clientId: client.clientId,
      tenantId: 'acme',
      scopes: ['pages:read'],
    });
    const stored = await rows(`SELECT secret_hash FROM tokens.crm_client WHERE client_id = $1`, [client.clientId]);
    expect(String(stored[0].secret_hash)).not.toContain(client.clientSecret);
  });

  it.each([
    ['a wrong secret', (id: string) => ({ client_id: id, client_secret: 'nope' }), 401, 'invalid_client'],
    ['an unknown client', () => ({ client_id: 'crm_nobody', client_secret: 'x' }), 401, 'invalid_client'],
    [
      'a scope the client lacks',
      (id: string, secret: string) => ({ client_id: id, client_secret: secret, scope: 'pages:manage' }),
      400,
      'invalid_scope',
    ],
  ])('refuses %s', async (_, body, status, error) => {
    const created = await admin(sut.config, {
      kind: 'create-client',
      tenantId: 'acme',
      name: 'x',
      scopes: ['pages:read'],
    });
    const client = JSON.parse(created.lines[0]) as { clientId: string; clientSecret: string };
    const answer = await token({ grant_type: 'client_credentials', ...body(client.clientId, client.clientSecret) });
    expect(answer.status).toBe(status);
    expect(answer.body.error).toBe(error);
  });

  it('refuses a revoked client', async () => {
    const created = await admin(sut.config, {
      kind: 'create-client',
      tenantId: 'acme',
      name: 'x',
      scopes: ['pages:read'],
    });
    const client = JSON.parse(created.lines[0]) as { clientId: string; clientSecret: string };
    expect((await admin(sut.config, { kind: 'revoke-client', clientId: client.clientId })).code).toBe(0);
    const answer = await token({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(answer.status).toBe(401);
    const listed = await admin(sut.config, { kind: 'list-clients', tenantId: 'acme' });
    expect(
      listed.lines
        .map((l) => JSON.parse(l) as { clientId: string; revokedAt: string | null })
        .find((c) => c.clientId === client.clientId)?.revokedAt,
    ).not.toBeNull();
  });

  it('rotates the signing key without refusing tokens issued before', async () => {
    const created = await admin(sut.config, {
      kind: 'create-client',
      tenantId: 'acme',
      name: 'x',
      scopes: ['pages:read'],
    });
    const client = JSON.parse(created.lines[0]) as { clientId: string; clientSecret: string };
    const before = String(
      (
        await token({
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        })
      ).body.access_token,
    );
    const rotated = JSON.parse((await admin(sut.config, { kind: 'rotate-signing-key' })).lines[0]) as { kid: string };
    const jwks = (await (await fetch(`${sut.url}/.well-known/jwks.json`)).json()) as {
      keys: Array<{ kid: string; d?: string }>;
    };
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    const fresh = verifier();
    expect((await fresh.verify(before)).clientId).toBe(client.clientId);
    const kids = (await rows(`SELECT kid FROM tokens.signing_key`)).map((r) => r.kid);
    expect(kids).toContain(rotated.kid);
    expect(kids).toContain(decodeProtectedHeader(before).kid);
  });

  it('re-encrypts stored tokens under a new encryption key', async () => {
    const vault = new TokenVault(parseKeyring(oldKey));
    await insertConnection(vault, '9001', 'EAAPlainPageToken0000000000');
    const newKey = `k2:${randomBytes(32).toString('base64')}`;
    const rotatedConfig = Object.assign(new TokensConfig(), sut.config, {
      TOKEN_ENCRYPTION_KEY: `${newKey},${oldKey}`,
    });
    const report = JSON.parse((await admin(rotatedConfig, { kind: 'rotate-encryption' })).lines[0]) as Record<
      string,
      number
    >;
    expect(report.connections).toBeGreaterThanOrEqual(1);
    expect(report.signingKeys).toBeGreaterThanOrEqual(1);
    const [row] = await rows(`SELECT key_id, page_token_ciphertext FROM tokens.page_connection WHERE page_id = '9001'`);
    expect(row.key_id).toBe('k2');
    expect(new TokenVault(parseKeyring(newKey)).decrypt(String(row.page_token_ciphertext), 'page:9001')).toBe(
      'EAAPlainPageToken0000000000',
    );
    expect(JSON.parse((await admin(rotatedConfig, { kind: 'rotate-encryption' })).lines[0])).toEqual({
      connections: 0,
      signingKeys: 0,
    });
  });

  async function insertConnection(vault: TokenVault, pageId: string, pageToken: string) {
    const now = new Date();
    const c = Object.assign(new PageConnectionEntity(), {
      pageId,
      tenantId: 'acme',
      pageName: 'Rotated',
      instagramId: null,
      instagramUsername: null,
      pageTokenCiphertext: vault.encrypt(pageToken, `page:${pageId}`),
      userTokenCiphertext: null,
      keyId: vault.activeKeyId,
      tasks: ['MESSAGING'],
      permissions: [],
      status: 'active',
      statusReason: null,
      grantedBy: null,
      connectedAt: now,
      updatedAt: now,
      checkedAt: null,
    });
    await rows(
      `INSERT INTO tokens.page_connection (page_id, tenant_id, page_name, page_token_ciphertext, key_id, tasks, permissions, status, connected_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,'{}',$7,$8,$9)`,
      [c.pageId, c.tenantId, c.pageName, c.pageTokenCiphertext, c.keyId, c.tasks, c.status, now, now],
    );
  }

  async function rows(sql: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  }
});
