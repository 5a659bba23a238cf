import { DomainError } from '@app/errors';
import { bearerToken } from './crm-auth.guard';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';

/** The shared secret Parley's apps present to each other on internal routes (`INTERNAL_API_TOKEN`). */
export class InternalApiToken {
  constructor(readonly value: string) {}
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Lets through only requests bearing the internal API token. */
@Injectable()
export class InternalTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(token: InternalApiToken) {
    this.expected = digest(token.value);
  }

  canActivate(context: ExecutionContext): boolean {
    const headers = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers;
    const presented = bearerToken(headers.authorization);
    // Comparing digests keeps the comparison constant-time whatever the presented length.
    if (presented === null || !timingSafeEqual(digest(presented), this.expected)) {
      throw new DomainError('unauthorized', 'Internal routes need the internal API token.');
    }
    return true;
  }
}
