/**
 * A failed Graph call, parsed from Meta's error body (meta-platform.md §6.1). Classify on `code` and
 * `subcode`, never on the message. The message never carries an access token.
 */
export class MetaGraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly details: {
      subcode?: number;
      type?: string;
      fbtraceId?: string;
      isTransient?: boolean;
      userTitle?: string;
      userMessage?: string;
    } = {},
  ) {
    super(message);
    this.name = 'MetaGraphError';
  }

  get subcode(): number | undefined {
    return this.details.subcode;
  }

  /** Code 190: the token is invalid or expired; the connection needs a new login. */
  get isInvalidToken(): boolean {
    return this.code === 190;
  }
}

/** The code used when no Meta error body came back (network failure, non-JSON answer). */
export const TRANSPORT_ERROR_CODE = -1;

const TOKEN_LIKE = /\b(EAA[A-Za-z0-9]{10,}|[0-9]+\|[A-Za-z0-9_-]{16,})/g;

/** Meta sometimes quotes what it was sent; a token must not travel on in a log line or an error body. */
export function scrubTokens(text: string): string {
  return text.replace(TOKEN_LIKE, '[redacted]');
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function parseGraphError(status: number, body: unknown): MetaGraphError {
  const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : undefined;
  if (typeof error !== 'object' || error === null) {
    return new MetaGraphError(status, TRANSPORT_ERROR_CODE, `Graph answered HTTP ${status} without an error body`, {
      isTransient: status >= 500,
    });
  }
  const e = error as Record<string, unknown>;
  return new MetaGraphError(
    status,
    num(e.code) ?? TRANSPORT_ERROR_CODE,
    scrubTokens(str(e.message) ?? 'Unknown error'),
    {
      subcode: num(e.error_subcode),
      type: str(e.type),
      fbtraceId: str(e.fbtrace_id),
      isTransient: typeof e.is_transient === 'boolean' ? e.is_transient : undefined,
      userTitle: str(e.error_user_title),
      userMessage: str(e.error_user_msg),
    },
  );
}
