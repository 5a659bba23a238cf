import { ErrorCode } from './error-codes';

/** An expected failure with a stable code; `detail` is safe to show to the client, `extensions` too. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}
