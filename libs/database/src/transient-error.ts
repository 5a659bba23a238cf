/** SQLSTATE classes and codes after which the same statement can succeed once the server recovers. */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '57P'];
const TRANSIENT_SQLSTATES = ['40001', '40P01', '55P03'];
const TRANSIENT_SOCKET_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH'];
/** node-postgres and its pool say these in words only. */
const TRANSIENT_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i];

function codeOf(error: object): string | null {
  const own = 'code' in error && typeof error.code === 'string' ? error.code : null;
  if (own) return own;
  const driver = 'driverError' in error ? error.driverError : null;
  return typeof driver === 'object' && driver !== null ? codeOf(driver) : null;
}

/**
 * Whether a database failure is worth retrying: the server or the connection was away, or the statement
 * lost a serialization, deadlock or lock race. Constraint and syntax errors are not: they fail again.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = codeOf(error);
  if (code !== null) {
    if (TRANSIENT_SOCKET_CODES.includes(code) || TRANSIENT_SQLSTATES.includes(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return TRANSIENT_SQLSTATE_CLASSES.some((c) => code.startsWith(c));
  }
  const message = error instanceof Error ? error.message : '';
  return TRANSIENT_MESSAGES.some((pattern) => pattern.test(message));
}
