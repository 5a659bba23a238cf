import { ConnectionChange } from '@app/contracts';
import { PageConnectionEntity } from './page-connection.entity';

export type ConnectDecision = { kind: 'store'; change: ConnectionChange } | { kind: 'conflict' };

/**
 * Re-running onboarding for a connected Page refreshes its row, never duplicates it. A Page connected by
 * another tenant stays theirs until they disconnect it.
 */
export function decideConnect(
  existing: Pick<PageConnectionEntity, 'tenantId' | 'status'> | null,
  tenantId: string,
): ConnectDecision {
  if (!existing || existing.status === 'disconnected') return { kind: 'store', change: 'connected' };
  if (existing.tenantId !== tenantId) return { kind: 'conflict' };
  return { kind: 'store', change: 'refreshed' };
}

/** Permissions granted before and after differ: worth telling the CRM even when the token still works. */
export function permissionsChanged(before: readonly string[], after: readonly string[]): boolean {
  const a = new Set(before);
  const b = new Set(after);
  return a.size !== b.size || [...a].some((p) => !b.has(p));
}
