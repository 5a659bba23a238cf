/**
 * Paths pino censors on every log line of every app: credentials, signatures and what a person wrote.
 * pino's `*` matches one level, so the usual nestings are listed explicitly.
 */
const SECRET_KEYS = [
  'access_token',
  'accessToken',
  'token',
  'pageToken',
  'userToken',
  'client_secret',
  'clientSecret',
  'secret',
  'appSecret',
  'password',
  'appsecret_proof',
  'signed_request',
  'code',
  'text',
  'ciphertext',
];

export const REDACTED_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-hub-signature"]',
  'req.query.access_token',
  'req.query["hub.verify_token"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  'message.text',
  '*.message.text',
];

export const REDACTION_CENSOR = '[redacted]';
