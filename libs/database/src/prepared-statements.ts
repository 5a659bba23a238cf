import { createHash } from 'node:crypto';
import pg from 'pg';

/** Each declared text with its statement name, worked out once. */
const declared = new Map<string, string>();

/**
 * Declares a statement run on every request: PostgreSQL then parses and plans it once per connection, instead of
 * on each run as it does for pg's unnamed statements (for Parley's hot statements, planning took longer than
 * executing). Returns the text unchanged, to pass to `dataSource.query` as usual.
 */
export function prepared(text: string): string {
  if (!declared.has(text)) declared.set(text, statementName(text));
  return text;
}

/** The same text always gets the same name: pg refuses one name for two texts on a connection. */
export function statementName(text: string): string {
  return `parley_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

type QueryArguments = Parameters<pg.Client['query']>;

/** A pg client that runs the declared statements as named prepared statements, and everything else as before. */
export class PreparingClient extends pg.Client {
  // pg's query has many overloads; only the (text, values[, callback]) form of a declared text is changed.
  override query(...args: unknown[]): never {
    const [text, ...rest] = args;
    const name = typeof text === 'string' ? declared.get(text) : undefined;
    if (name !== undefined) return super.query(...([{ name, text }, ...rest] as unknown as QueryArguments)) as never;
    return super.query(...(args as unknown as QueryArguments)) as never;
  }
}
