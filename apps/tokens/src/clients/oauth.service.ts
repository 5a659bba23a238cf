import { Injectable } from '@nestjs/common';
import { TENANT_CLAIM } from '@app/auth';
import { DomainError } from '@app/errors';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { TokensConfig } from '../config/tokens.config';
import { verifyClientSecret } from './client-secret';
import { CrmClientsRepository } from './crm-clients.repository';
import { grantScopes } from './scopes';
import { SigningKeysService } from './signing-keys.service';

export interface TokenRequest {
  grantType: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  scope: string | undefined;
}

export interface TokenAnswer {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

const invalidClient = () =>
  new DomainError('unauthorized', 'Client authentication failed.', { error: 'invalid_client' });

/** OAuth2 client credentials (RFC 6749 §4.4): a short-lived signed JWT with the client's tenant and scopes. */
@Injectable()
export class OAuthService {
  constructor(
    private readonly clients: CrmClientsRepository,
    private readonly keys: SigningKeysService,
    private readonly clock: Clock,
    private readonly config: TokensConfig,
  ) {}

  async issue(request: TokenRequest): Promise<TokenAnswer> {
    if (request.grantType !== 'client_credentials') {
      throw new DomainError('bad_request', 'Only the client_credentials grant is supported.', {
        error: 'unsupported_grant_type',
      });
    }
    if (!request.clientId || !request.clientSecret) throw invalidClient();
    const client = await this.clients.findActiveWithSecret(request.clientId);
    if (!client || !verifyClientSecret(request.clientSecret, client.secretHash)) throw invalidClient();
    const scopes = grantScopes(request.scope, client.scopes);
    if (!scopes)
      throw new DomainError('bad_request', 'A requested scope is not granted to this client.', {
        error: 'invalid_scope',
      });
    const signer = await this.keys.signer();
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = await new SignJWT({ scope: scopes.join(' '), [TENANT_CLAIM]: client.tenantId })
      .setProtectedHeader({ alg: 'ES256', kid: signer.kid, typ: 'at+jwt' })
      .setIssuer(this.config.issuer)
      .setAudience(this.config.AUTH_AUDIENCE)
      .setSubject(client.clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .setJti(randomUUID())
      .sign(signer.key);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: ttl, scope: scopes.join(' ') };
  }
}
