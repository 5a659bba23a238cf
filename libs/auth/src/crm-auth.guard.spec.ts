import { Controller, Get, INestApplication, Param, UseGuards } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ProblemDetailsFilter } from '@app/errors';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { AddressInfo } from 'node:net';
import { AuthModule } from './auth.module';
import { assertSameTenant, CrmPrincipal, TENANT_CLAIM } from './crm-principal';
import { bearerToken, CrmAuthGuard } from './crm-auth.guard';
import { Principal } from './principal.decorator';
import { RequireScopes } from './scopes.decorator';

const ISSUER = 'https://tokens.parley.test';
const AUDIENCE = 'parley';
const PAGES: Record<string, string> = { p1: 'tenant-a', p2: 'tenant-b' };

@Controller('v1/pages')
@UseGuards(CrmAuthGuard)
class PagesController {
  @Get(':id')
  @RequireScopes(['pages:read'])
  get(@Param('id') id: string, @Principal() principal: CrmPrincipal) {
    assertSameTenant(principal, PAGES[id], 'Page');
    return { id, tenant: principal.tenantId };
  }
}

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

describe(CrmAuthGuard.name, () => {
  let app: INestApplication;
  let base: string;
  let trusted: Key;
  let stranger: Key;

  async function jwt(
    key: Key,
    claims: Record<string, unknown> = {},
    options: { kid?: string; exp?: number | string; iss?: string } = {},
  ) {
    return new SignJWT({ scope: 'pages:read messages:send', [TENANT_CLAIM]: 'tenant-a', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? 'k1' })
      .setSubject('client-1')
      .setIssuer(options.iss ?? ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '5m')
      .sign(key);
  }

  async function get(path: string, token?: string) {
    const res = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    trusted = pair.privateKey;
    stranger = (await generateKeyPair('ES256')).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [jwk] } })],
      controllers: [PagesController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app.close());

  it('lets a valid token with the scope see its own tenant’s Page', async () => {
    const sut = await get('/v1/pages/p1', await jwt(trusted));
    expect(sut).toEqual({ status: 200, body: { id: 'p1', tenant: 'tenant-a' } });
  });

  it.each([
    ['no token', async () => undefined, 401, 'unauthorized'],
    [
      'an expired token',
      async () => jwt(trusted, {}, { exp: Math.floor(Date.now() / 1000) - 60 }),
      401,
      'unauthorized',
    ],
    ['a token signed by another key', async () => jwt(stranger), 401, 'unauthorized'],
    ['a token with an unknown kid', async () => jwt(trusted, {}, { kid: 'k9' }), 401, 'unauthorized'],
    ['a token of another issuer', async () => jwt(trusted, {}, { iss: 'https://evil.test' }), 401, 'unauthorized'],
    ['a token without a tenant', async () => jwt(trusted, { [TENANT_CLAIM]: undefined }), 401, 'unauthorized'],
    ['a token without the scope', async () => jwt(trusted, { scope: 'messages:send' }), 403, 'forbidden'],
    ['a token of another tenant', async () => jwt(trusted, { [TENANT_CLAIM]: 'tenant-b' }), 404, 'not_found'],
  ])('refuses %s', async (_, token, status, code) => {
    const sut = await get('/v1/pages/p1', await token());
    expect(sut.status).toBe(status);
    expect(sut.body.code).toBe(code);
  });

  it('refuses a tampered payload', async () => {
    const [h, , s] = (await jwt(trusted)).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'x', [TENANT_CLAIM]: 'tenant-b', scope: 'pages:read' })).toString(
      'base64url',
    );
    expect((await get('/v1/pages/p2', `${h}.${forged}.${s}`)).status).toBe(401);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['Basic abc', null],
    ['Bearer ', null],
    [undefined, null],
  ])('%s → %s', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
