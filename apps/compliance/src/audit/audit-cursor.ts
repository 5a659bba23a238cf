export interface AuditCursor {
  decidedAt: Date;
  id: string;
}

export function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.decidedAt.toISOString(), id: cursor.id })).toString('base64url');
}

/** Null for anything that is not a cursor this app issued. */
export function decodeCursor(value: string): AuditCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { t, id } = parsed as { t?: unknown; id?: unknown };
    if (typeof t !== 'string' || typeof id !== 'string') return null;
    const decidedAt = new Date(t);
    if (Number.isNaN(decidedAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { decidedAt, id };
  } catch {
    return null;
  }
}
