import { DomainError } from '@app/errors';

/** Errors of the `/_sandbox` API, answered as problem+json (Graph routes answer Meta's error bodies instead). */
export const SandboxErrors = {
  notFound: (what: string, id: string) => new DomainError('not_found', `${what} ${id} does not exist`),
  invalid: (message: string) => new DomainError('bad_request', message),
};
