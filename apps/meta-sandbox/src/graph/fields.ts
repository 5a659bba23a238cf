import { GraphErrors } from './graph-error';

/** A parsed `fields=` parameter: each requested field with its own sub-selection (`a{b,c}`) and `.limit(n)`. */
export interface FieldSelection {
  [field: string]: { sub: FieldSelection | null; limit?: number };
}

/** Parses Graph field expansion syntax, e.g. `id,name,instagram_business_account{id,username},messages.limit(5){message}`. */
export function parseFields(input: string | undefined): FieldSelection | null {
  if (input === undefined || input.trim() === '') return null;
  let pos = 0;
  const fail = () =>
    GraphErrors.invalidParam(
      `Syntax error "Expected end of string instead of "${input.slice(pos, pos + 1)}"." at character ${pos}: ${input}`,
    );

  const parseList = (depth: number): FieldSelection => {
    const out: FieldSelection = {};
    for (;;) {
      const name = /^[A-Za-z0-9_]+/.exec(input.slice(pos))?.[0];
      if (!name) throw fail();
      pos += name.length;
      let limit: number | undefined;
      let sub: FieldSelection | null = null;
      while (input[pos] === '.') {
        const modifier = /^\.([a-z_]+)\(([^)]*)\)/.exec(input.slice(pos));
        if (!modifier) throw fail();
        if (modifier[1] === 'limit') limit = Number(modifier[2]);
        pos += modifier[0].length;
      }
      if (input[pos] === '{') {
        pos += 1;
        sub = parseList(depth + 1);
        if (input[pos] !== '}') throw fail();
        pos += 1;
      }
      out[name] = { sub, ...(limit !== undefined && Number.isFinite(limit) && { limit }) };
      while (input[pos] === ' ') pos += 1;
      if (input[pos] === ',') {
        pos += 1;
        while (input[pos] === ' ') pos += 1;
        continue;
      }
      if (depth === 0 && pos < input.length) throw fail();
      return out;
    }
  };
  return parseList(0);
}

export type Resolver = (sub: FieldSelection | null, limit: number | undefined) => unknown;
export type FieldSource = Record<string, unknown | Resolver>;

/**
 * Builds a node answer the way Graph orders it: requested fields in request order, `id` where it was
 * requested or else last (Graph always returns it). Fields the node lacks are rejected; fields whose value
 * is undefined are left out, as Graph leaves out empty values. Functions in the source are resolved lazily.
 */
export function projectNode(
  nodeType: string,
  id: string,
  source: FieldSource,
  selection: FieldSelection | null,
  defaults: readonly string[],
): Record<string, unknown> {
  const wanted: FieldSelection = selection ?? Object.fromEntries(defaults.map((f) => [f, { sub: null }]));
  const out: Record<string, unknown> = {};
  for (const [field, { sub, limit }] of Object.entries(wanted)) {
    if (field === 'id') {
      out.id = id;
      continue;
    }
    if (!(field in source)) {
      throw GraphErrors.invalidParam(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`);
    }
    const raw = source[field];
    const value = typeof raw === 'function' ? (raw as Resolver)(sub, limit) : raw;
    if (value !== undefined) out[field] = value;
  }
  if (!('id' in out)) out.id = id;
  return out;
}

/** Awaits the values that lazy resolvers returned as promises, keeping key order. */
export async function settleNode(node: Record<string, unknown>): Promise<Record<string, unknown>> {
  const entries = await Promise.all(Object.entries(node).map(async ([k, v]) => [k, await v] as const));
  return Object.fromEntries(entries);
}
