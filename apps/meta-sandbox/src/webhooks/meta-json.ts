/**
 * Serializes a value the way Meta serializes webhook bodies: compact JSON, every `/` written as `\/`
 * and every non-ASCII UTF-16 code unit written as a lowercase `\uXXXX` escape (astral characters
 * become two escaped surrogates). Meta signs these exact bytes, so receivers must verify the raw body.
 */
export function serializeAsMeta(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('value is not serializable as JSON');
  // `/` and non-ASCII characters can only occur inside JSON strings, so a global rewrite is safe.
  return json.replace(/[/\u0080-\uffff]/g, (ch) =>
    ch === '/' ? '\\/' : '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}
