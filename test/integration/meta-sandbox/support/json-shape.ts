import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The shape of a JSON value: leaves become their type name, object keys are sorted, arrays keep their first element's shape. */
export type Shape = string | Shape[] | { [key: string]: Shape };

export function shapeOf(value: unknown, ignoreKeys: readonly string[] = []): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0], ignoreKeys)];
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !ignoreKeys.includes(k))
      .sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(entries.map(([k, v]) => [k, shapeOf(v, ignoreKeys)]));
  }
  return typeof value;
}

/** Project root relative to this file, then the shared fixtures beside the checkout. */
export const FIXTURES_DIR = path.resolve(__dirname, '../../../..', '../shared/meta-fixtures');

export interface FixtureDelivery {
  object: string;
  entry: Array<{
    id: string;
    time: number;
    messaging?: Array<Record<string, unknown>>;
    standby?: Array<Record<string, unknown>>;
  }>;
}

export function readFixture(name: string): FixtureDelivery {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'deliveries', `${name}.json`), 'utf8')) as FixtureDelivery;
}

/** The first messaging (or standby) item of a fixture delivery. */
export function firstItem(name: string): Record<string, unknown> {
  const entry = readFixture(name).entry[0];
  const item = (entry.messaging ?? entry.standby)?.[0];
  if (item === undefined) throw new Error(`fixture ${name} has no messaging item`);
  return item;
}
