import { Injectable } from '@nestjs/common';
import { exportJWK, generateKeyPair, importJWK, JWK, JSONWebKeySet } from 'jose';
import { randomBytes } from 'node:crypto';
import { Clock } from '../common/clock';
import { TokenVault } from '../crypto/token-vault';
import { TokensConfig } from '../config/tokens.config';
import { SigningKeyEntity } from './signing-key.entity';
import { SigningKeysRepository } from './signing-keys.repository';

const ALG = 'ES256';
const CACHE_MS = 30_000;

export interface ActiveSigner {
  kid: string;
  key: Awaited<ReturnType<typeof importJWK>>;
}

/**
 * Keys that sign CRM access tokens. Rotation adds a key and retires the old one, which stays in the JWKS
 * for twice the token lifetime, so tokens already issued keep verifying while replicas pick up the new key.
 */
@Injectable()
export class SigningKeysService {
  private signerCache: { signer: ActiveSigner; at: number } | null = null;
  private jwksCache: { jwks: JSONWebKeySet; at: number } | null = null;

  constructor(
    private readonly keys: SigningKeysRepository,
    private readonly vault: TokenVault,
    private readonly clock: Clock,
    private readonly config: TokensConfig,
  ) {}

  async signer(): Promise<ActiveSigner> {
    const now = this.clock.now().getTime();
    if (this.signerCache && now - this.signerCache.at < CACHE_MS) return this.signerCache.signer;
    const row = (await this.keys.active()) ?? (await this.rotate());
    const jwk = JSON.parse(this.vault.decrypt(row.privateKeyCiphertext, `signing-key:${row.kid}`)) as JWK;
    const signer = { kid: row.kid, key: await importJWK(jwk, ALG) };
    this.signerCache = { signer, at: now };
    return signer;
  }

  async jwks(): Promise<JSONWebKeySet> {
    const now = this.clock.now().getTime();
    if (this.jwksCache && now - this.jwksCache.at < CACHE_MS) return this.jwksCache.jwks;
    const since = new Date(now - 2 * this.config.ACCESS_TOKEN_TTL_SECONDS * 1000);
    const jwks = { keys: (await this.keys.published(since)).map((k) => k.publicJwk as JWK) };
    this.jwksCache = { jwks, at: now };
    return jwks;
  }

  /** Creates a new signing key and makes it the active one. */
  async rotate(): Promise<SigningKeyEntity> {
    const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = randomBytes(8).toString('base64url');
    const row = Object.assign(new SigningKeyEntity(), {
      kid,
      privateKeyCiphertext: this.vault.encrypt(JSON.stringify(await exportJWK(privateKey)), `signing-key:${kid}`),
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' },
      createdAt: this.clock.now(),
      retiredAt: null,
    });
    await this.keys.rotateTo(row);
    this.signerCache = null;
    this.jwksCache = null;
    return row;
  }
}
