import { decryptToken, encryptToken, Keyring, needsRotation } from './token-cipher';

/** Encrypts and decrypts Meta tokens and signing keys with the configured keyring. */
export class TokenVault {
  constructor(private readonly keyring: Keyring) {}

  get activeKeyId(): string {
    return this.keyring.active.id;
  }

  encrypt(plaintext: string, context: string): string {
    return encryptToken(this.keyring, plaintext, context);
  }

  decrypt(ciphertext: string, context: string): string {
    return decryptToken(this.keyring, ciphertext, context);
  }

  needsRotation(ciphertext: string): boolean {
    return needsRotation(this.keyring, ciphertext);
  }
}
