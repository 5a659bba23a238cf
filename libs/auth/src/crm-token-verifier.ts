import { DomainError } from '@app/errors';
import { createLocalJWKSet, createRemoteJWKSet, errors, JSONWebKeySet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { CrmPrincipal, principalFromClaims } from './crm-principal';

export interface CrmAuthOptions {
  /** The `iss` the tokens app signs with. */
  issuer: string;
  audience: string;
  /** Where the tokens app publishes its JWKS; keys are cached and refetched when an unknown `kid` shows up. */
  jwksUrl?: string;
  /** A fixed key set instead of the URL (the tokens app itself verifies against its own keys). */
  jwks?: JSONWebKeySet | JWTVerifyGetKey;
  clockToleranceSeconds?: number;
}

/** Verifies CRM access tokens locally against the tokens app's published keys. */
export class CrmTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: CrmAuthOptions) {
    if (typeof options.jwks === 'function') this.keys = options.jwks;
    else if (options.jwks) this.keys = createLocalJWKSet(options.jwks);
    else if (options.jwksUrl) this.keys = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
    else throw new Error('CrmTokenVerifier needs jwksUrl or jwks');
  }

  async verify(token: string): Promise<CrmPrincipal> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['ES256', 'RS256', 'EdDSA'],
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      return principalFromClaims(payload);
    } catch (e) {
      if (e instanceof DomainError) throw e;
      if (e instanceof errors.JWTExpired) throw new DomainError('unauthorized', 'The access token has expired.');
      if (e instanceof errors.JOSEError) throw new DomainError('unauthorized', 'The access token is not valid.');
      throw new DomainError('unavailable', 'The signing keys could not be read.');
    }
  }
}
