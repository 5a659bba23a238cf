import { OutboundChannel, OutboundMessagingType } from '@app/contracts';
import { DomainError } from '@app/errors';

export interface SendDecisionQuery {
  channel: OutboundChannel;
  accountId: string;
  personId: string;
  conversationId: string;
  messagingType: OutboundMessagingType;
  tag: string | null;
  /** A person writes this message (HUMAN_AGENT tag), not an automation. */
  isHumanAgent: boolean;
  /** The message's template type when it is a template: CUSTOMER_FEEDBACK goes only with its own. */
  templateType: string | null;
  /** The CRM client asking. */
  requestedBy: string;
}

export interface SendDecision {
  allowed: boolean;
  /** Stable reason, e.g. `window_open`, `window_closed`, `opted_out`. */
  reason: string;
  rule: string;
  /** Allowed: until when. */
  deadline: string | null;
  /** Denied because a window closed: when it did. */
  windowClosedAt: string | null;
}

/** Compliance's answer to "may this message be sent now?". */
export abstract class SendDecisions {
  abstract decide(query: SendDecisionQuery): Promise<SendDecision>;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Asks compliance over its internal route. */
export class HttpSendDecisions extends SendDecisions {
  constructor(
    private readonly baseUrl: string,
    private readonly internalToken: string,
    private readonly timeoutMs = 3000,
  ) {
    super();
  }

  async decide(query: SendDecisionQuery): Promise<SendDecision> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl.replace(/\/+$/, '')}/internal/v1/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.internalToken}` },
        body: JSON.stringify(query),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new DomainError('unavailable', 'Compliance could not be asked whether the message may be sent.');
    }
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!response.ok || body === null || typeof body.allowed !== 'boolean') {
      throw new DomainError('upstream_failed', `Compliance answered HTTP ${response.status}.`);
    }
    return {
      allowed: body.allowed,
      reason: str(body.reason) ?? (body.allowed ? 'allowed' : 'denied'),
      rule: str(body.rule) ?? 'unknown',
      deadline: str(body.deadline),
      windowClosedAt: str(body.windowClosedAt),
    };
  }
}
