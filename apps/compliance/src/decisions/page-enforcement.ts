import { InboundEvent } from '@app/contracts';

export interface PageEnforcement {
  /** `warning`, `block` or `unblock` (meta-platform.md §2.11). */
  action: string;
  reason: string | null;
  occurredAt: Date;
}

/** The enforcement a `messaging_policy_enforcement` event carries, if any. */
export function enforcementOf(event: InboundEvent): PageEnforcement | null {
  if (event.kind !== 'policy_enforcement' || !event.policyEnforcement.action) return null;
  return {
    action: event.policyEnforcement.action.toLowerCase(),
    reason: event.policyEnforcement.reason,
    occurredAt: new Date(event.occurredAt),
  };
}

/** A blocked Page may not send anything until Meta unblocks it; a warning changes nothing yet. */
export function isBlocked(enforcement: PageEnforcement | null): boolean {
  return enforcement?.action === 'block';
}
