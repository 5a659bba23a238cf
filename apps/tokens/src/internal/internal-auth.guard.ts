import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { bearerToken } from '@app/auth';
import { DomainError } from '@app/errors';
import { createHash, timingSafeEqual } from 'node:crypto';
import { TokensConfig } from '../config/tokens.config';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Internal routes answer only the other Parley apps, which present the shared internal token. */
@Injectable()
export class InternalAuthGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(config: TokensConfig) {
    this.expected = digest(config.INTERNAL_API_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>()
      .headers.authorization;
    const token = bearerToken(header);
    if (!token || !timingSafeEqual(digest(token), this.expected)) {
      throw new DomainError('unauthorized', 'An internal token is required.');
    }
    return true;
  }
}
