import { Injectable } from '@nestjs/common';
import { ConversationRepository } from '../conversations/conversation.repository';
import { PersonService } from '../person/person.service';
import { WebhookRepository } from '../webhooks/webhook.repository';
import { WorldRepository } from '../world/world.repository';

export interface DeliveryView {
  id: string;
  appId: string;
  callbackUrl: string;
  status: string;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  finishedAt: string | null;
  duplicateOf: string | null;
  outcome: string | null;
  body: string;
  payload: unknown;
  history: Array<{ attemptedAt: string; httpStatus: number | null; error: string | null; durationMs: number }>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What was exchanged with each person, and which webhook deliveries were attempted with what outcome. */
@Injectable()
export class InspectionService {
  constructor(
    private readonly people: PersonService,
    private readonly world: WorldRepository,
    private readonly conversations: ConversationRepository,
    private readonly webhooks: WebhookRepository,
  ) {}

  async person(ref: string) {
    const person = await this.people.findPerson(ref);
    const identities = await this.world.identitiesOf(person.id);
    return {
      ...person,
      identities: identities.map((i) => ({ channel: i.channel, account: i.accountId, scopedId: i.scopedId })),
    };
  }

  /** Messages per thread, oldest first; `direction=outbound` lists what the business sent. */
  async messages(ref: string, account?: string, direction?: 'inbound' | 'outbound') {
    const person = await this.people.findPerson(ref);
    // A PSID or IGSID names one thread.
    account ??= (await this.world.identity(ref))?.accountId;
    const identities = (await this.world.identitiesOf(person.id)).filter((i) => !account || i.accountId === account);
    const threads = [];
    for (const identity of identities) {
      const conversation = await this.conversations.findByParticipants(identity.accountId, identity.scopedId);
      const messages = conversation ? (await this.conversations.messages(conversation.id)).reverse() : [];
      threads.push({
        channel: identity.channel,
        account: identity.accountId,
        scopedId: identity.scopedId,
        conversationId: conversation?.id ?? null,
        ownerAppId: conversation?.ownerAppId ?? null,
        lastUserActionAt: iso(conversation?.lastUserActionAt ?? null),
        messages: messages
          .filter((m) => !direction || m.direction === direction)
          .map((m) => ({
            mid: m.mid,
            direction: m.direction,
            appId: m.appId,
            createdAt: m.createdAt.toISOString(),
            text: m.text,
            attachments: m.attachments,
            quickReplies: m.direction === 'outbound' ? m.quickReply : undefined,
            quickReply: m.direction === 'inbound' ? m.quickReply : undefined,
            replyTo: m.replyTo,
            metadata: m.metadata,
            messagingType: m.messagingType,
            tag: m.tag,
            deliveredAt: iso(m.deliveredAt),
            readAt: iso(m.readAt),
            reactions: m.reactions,
            editCount: m.editCount,
            deleted: m.deleted,
            request: m.request,
          })),
      });
    }
    return { person: { id: person.id, name: person.name }, threads };
  }

  async senderActions(ref: string, account?: string) {
    const person = await this.people.findPerson(ref);
    account ??= (await this.world.identity(ref))?.accountId;
    const identities = (await this.world.identitiesOf(person.id)).filter((i) => !account || i.accountId === account);
    const out = [];
    for (const identity of identities) {
      const conversation = await this.conversations.findByParticipants(identity.accountId, identity.scopedId);
      const actions = conversation ? await this.conversations.senderActions(conversation.id) : [];
      out.push(
        ...actions.map((a) => ({
          account: identity.accountId,
          scopedId: identity.scopedId,
          appId: a.appId,
          action: a.action,
          payload: a.payload,
          createdAt: a.createdAt.toISOString(),
        })),
      );
    }
    return { data: out };
  }

  async deliveries(filter: { appId?: string; status?: string; limit?: number }): Promise<{ data: DeliveryView[] }> {
    const rows = await this.webhooks.listDeliveries({ ...filter, limit: Math.min(filter.limit ?? 100, 1000) });
    const attempts = await this.webhooks.attemptsOf(rows.map((r) => r.id));
    return {
      data: rows.map((d) => ({
        id: d.id,
        appId: d.appId,
        callbackUrl: d.callbackUrl,
        status: d.status,
        attempts: d.attempts,
        createdAt: d.createdAt.toISOString(),
        nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
        finishedAt: iso(d.finishedAt),
        duplicateOf: d.duplicateOf,
        outcome: d.outcome,
        body: d.body,
        payload: JSON.parse(d.body) as unknown,
        history: attempts
          .filter((a) => a.deliveryId === d.id)
          .map((a) => ({
            attemptedAt: a.attemptedAt.toISOString(),
            httpStatus: a.httpStatus,
            error: a.error,
            durationMs: a.durationMs,
          })),
      })),
    };
  }
}
