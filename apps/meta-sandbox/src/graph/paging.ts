import { GraphErrors } from './graph-error';

export interface Paging {
  cursors: { before: string; after: string };
  next?: string;
  previous?: string;
}

export interface Page<T> {
  data: T[];
  paging?: Paging;
}

export interface PageRequest {
  limit?: number;
  after?: string;
  before?: string;
  /** The request URL, to build `next`/`previous` as Graph does. */
  url?: URL;
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encodeCursor(key) !== cursor) throw GraphErrors.invalidParam('Invalid cursor');
  return key;
}

/**
 * Cursor paging over an already ordered list (Graph has no time-based paging for conversations:
 * meta-platform.md §9). `keyOf` gives each item's stable cursor key.
 */
export function paginate<T>(items: readonly T[], keyOf: (item: T) => string, request: PageRequest): Page<T> {
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, request.limit ?? DEFAULT_PAGE_SIZE));
  let start: number;
  let end: number;
  if (request.after !== undefined) {
    const key = decodeCursor(request.after);
    const index = items.findIndex((i) => keyOf(i) === key);
    start = index < 0 ? items.length : index + 1;
    end = Math.min(items.length, start + limit);
  } else if (request.before !== undefined) {
    const key = decodeCursor(request.before);
    const index = items.findIndex((i) => keyOf(i) === key);
    end = index < 0 ? 0 : index;
    start = Math.max(0, end - limit);
  } else {
    start = 0;
    end = Math.min(items.length, limit);
  }
  const data = items.slice(start, end);
  if (data.length === 0) return { data };
  const before = encodeCursor(keyOf(data[0]));
  const after = encodeCursor(keyOf(data[data.length - 1]));
  const paging: Paging = { cursors: { before, after } };
  if (request.url !== undefined) {
    if (end < items.length) paging.next = withCursor(request.url, 'after', after, limit);
    if (start > 0) paging.previous = withCursor(request.url, 'before', before, limit);
  }
  return { data, paging };
}

function withCursor(url: URL, name: 'after' | 'before', cursor: string, limit: number): string {
  const next = new URL(url.toString());
  next.searchParams.delete('after');
  next.searchParams.delete('before');
  next.searchParams.set('limit', String(limit));
  next.searchParams.set(name, cursor);
  return next.toString();
}
