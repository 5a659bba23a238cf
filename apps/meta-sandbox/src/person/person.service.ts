import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator } from '../common/ids';
import { SandboxErrors } from '../common/sandbox-errors';
import { ConversationEntity } from '../conversations/conversation.entities';
import { ConversationRepository } from '../conversations/conversation.repository';
import { ThreadService } from '../conversations/thread.service';
import { Channel } from '../graph/graph-error';
import {
  JsonRecord,
  messageEditEvent,
  messageEvent,
  MessagingItem,
  optinEvent,
  Party,
  postbackEvent,
  reactionEvent,
  readEvent,
  referralEvent,
  unsendEvent,
  userRefOptinEvent,
} from '../webhooks/events';
import { EmitTarget, WebhookEmitter } from '../webhooks/webhook-emitter.service';
import { IdentityEntity, PageEntity, PersonEntity } from '../world/world.entities';
import { WorldRepository } from '../world/world.repository';
import {
  PersonActionDto,
  PersonEditDto,
  PersonMessageDto,
  PersonOptinDto,
  PersonPostbackDto,
  PersonReactionDto,
  PersonReadDto,
  PersonReferralDto,
  PersonStoryMentionDto,
  PersonUnsendDto,
} from './dto/person-actions.dto';
import { inboundAttachment, REACTION_EMOJI, referral } from './person-events';

export interface ActionResult {
  personId: string;
  channel: Channel;
  account: string;
  scopedId: string;
  mid?: string;
  /** The messaging item as delivered in `messaging` to the thread owner (or every subscriber). */
  event: MessagingItem;
  /** Apps the webhook was queued for. */
  deliveredTo: string[];
}

interface Actor {
  person: PersonEntity;
  identity: IdentityEntity;
  page: PageEntity;
  conversation: ConversationEntity;
  party: Party;
  at: number;
}

const MAX_EDITS = 5;

/** Makes a person do things; each action becomes the webhook Meta would deliver (meta-platform.md §2). */
@Injectable()
export class PersonService {
  constructor(
    private readonly world: WorldRepository,
    private readonly conversations: ConversationRepository,
    private readonly threads: ThreadService,
    private readonly emitter: WebhookEmitter,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async message(personRef: string, dto: PersonMessageDto): Promise<ActionResult> {
    const actor = await this.actor(personRef, dto);
    const text = dto.quickReply ? (dto.quickReply.title ?? dto.text ?? dto.quickReply.payload) : dto.text;
    const attachments = (dto.attachments ?? []).map((a) =>
      inboundAttachment(actor.party.channel, a, () => this.ids.numeric(17)),
    );
    if (text === undefined && attachments.length === 0)
      throw SandboxErrors.invalid('a message needs text, attachments or a quick reply');
    if (dto.storyReply && actor.party.channel !== 'instagram')
      throw SandboxErrors.invalid('story replies exist on Instagram only');
    if (dto.replyTo) await this.ownMessage(actor, dto.replyTo);
    const mid = this.ids.messageId(actor.party.channel, actor.party.accountId);
    const replyTo = dto.storyReply
      ? { story: { id: dto.storyReply.id, url: dto.storyReply.url } }
      : dto.replyTo
        ? { mid: dto.replyTo }
        : undefined;
    const event = messageEvent(actor.party, actor.at, {
      mid,
      text,
      attachments: attachments.length ? attachments : undefined,
      quickReplyPayload: dto.quickReply?.payload,
      replyTo,
      referral: dto.referral ? referral(dto.referral) : undefined,
    });
    await this.conversations.insertMessage({
      mid,
      conversationId: actor.conversation.id,
      direction: 'inbound',
      createdAt: new Date(actor.at),
      text: text ?? null,
      attachments: attachments.length ? attachments : null,
      quickReply: dto.quickReply ? { payload: dto.quickReply.payload } : null,
      replyTo: dto.replyTo ?? null,
      reactions: {},
    });
    return this.deliver(actor, event, { opensWindow: true, newMessage: true, mid });
  }

  async postback(personRef: string, dto: PersonPostbackDto): Promise<ActionResult> {
    const actor = await this.actor(personRef, dto);
    const mid = this.ids.messageId(actor.party.channel, actor.party.accountId);
    const event = postbackEvent(actor.party, actor.at, {
      mid,
      title: dto.title,
      payload: dto.payload,
      referral: dto.referral ? referral(dto.referral) : undefined,
    });
    return this.deliver(actor, event, { opensWindow: true, mid });
  }

  async reaction(personRef: string, dto: PersonReactionDto): Promise<ActionResult> {
    const actor = await this.actor(personRef, dto);
    const message = await this.ownMessage(actor, dto.mid);
    const action = dto.action ?? 'react';
    const reaction = dto.reaction ?? 'love';
    const emoji = dto.emoji ?? REACTION_EMOJI[reaction];
    const reactions = { ...message.reactions };
    if (action === 'react') reactions.person = { reaction, emoji };
    else delete reactions.person;
    await this.conversations.updateMessage(message.mid, { reactions });
    return this.deliver(actor, reactionEvent(actor.party, actor.at, { mid: dto.mid, action, reaction, emoji }), {
      opensWindow: true,
    });
  }

  /** Messenger reports a watermark; Instagram (`messaging_seen`) the last seen mid. */
  async read(personRef: string, dto: PersonReadDto): Promise<ActionResult> {
    const actor = await this.actor(personRef, dto);
    if (actor.party.channel === 'messenger') {
      const watermark = dto.watermark ?? actor.at;
      await this.conversations.markRead(actor.conversation.id, new Date(watermark), new Date(actor.at));
      return this.deliver(actor, readEvent(actor.party, actor.at, { watermark }), {});
    }
    const last = dto.mid ?? (await this.conversations.lastOutbound(actor.conversation.id))?.mid;
    if (!last) throw SandboxErrors.invalid('nothing to read: the business sent no message in this thread');
    const seen = await this.ownMessage(actor, last);
    await this.conversations.markRead(actor.conversation.id, seen.createdAt, new Date(actor.at));
    return this.deliver(actor, readEvent(actor.party, actor.at, { mid: last }), {});
  }

  async edit(personRef: string, dto: PersonEditDto): Promise<ActionResult> {
    const actor = await this.actor(personRef, dto);
    const message = await this.ownMessage(actor, dto.mid);
    if (message.direction !== 'inbound') throw SandboxErrors.invalid('a person can edit only their own messages');
    if (message.editCount >= MAX_EDITS)
      throw SandboxErrors.invalid(`a message can be edited at most ${MAX_EDITS} times`);
    const numEdit = message.editCount + 1;
    await this.conversations.updateMessage(message.mid, { text: dto.text, editCount: numEdit });
    return this.deliver(actor, messageEditEvent(actor.party, actor.at, dto.mid, dto.text, numEdit), { mid: dto.mid });
  }

  /** Instagram only: Meta documents no unsend webhook for Messenger. */
  async unsend(personRef: string, dto: PersonUnsendDto): Promise<ActionResult> {
    const actor = await this.actor(personRef, dto);
    if (actor.party.channel !== 'instagram') throw SandboxErrors.invalid('unsend webhooks exist on Instagram only');
    const message = await this.ownMessage(actor, dto.mid);
    if (message.direction !== 'inbound') throw SandboxErrors.invalid('a person can unsend only their own messages');
    await this.conversations.updateMessage(message.mid, { deleted: true });
    return this.deliver(actor, unsendEvent(actor.party, actor.at, dto.mid), { mid: dto.mid });
  }

  /** Re-entering an existing thread through m.me / ig.me / an ad re-opens the window. */
  async referral(personRef: string, dto: PersonReferralDto): Promise<ActionResult> {
    const actor = await this.actor(personRef, dto);
    return this.deliver(actor, referralEvent(actor.party, actor.at, referral(dto.referral)), { opensWindow: true });
  }

  async optin(personRef: string, dto: PersonOptinDto): Promise<ActionResult> {
    const actor = await this.actor(personRef, dto);
    const type = dto.type ?? 'notification_messages';
    if (type === 'checkbox') {
      const userRef = this.ids.numeric(16);
      return this.deliver(
        actor,
        userRefOptinEvent(actor.party.accountId, actor.at, dto.payload ?? 'checkbox', userRef),
        {},
      );
    }
    const optin: JsonRecord =
      type === 'notification_messages'
        ? {
            type,
            payload: dto.payload ?? '',
            notification_messages_token: this.ids.numeric(19),
            notification_messages_timezone: 'UTC',
            token_expiry_timestamp: actor.at + 365 * 24 * 60 * 60 * 1000,
            user_token_status: 'NOT_REFRESHED',
            ...(dto.status && { notification_messages_status: dto.status }),
            ...(dto.title && { title: dto.title }),
          }
        : { type, payload: dto.payload ?? '', one_time_notif_token: this.ids.numeric(19) };
    return this.deliver(actor, optinEvent(actor.party, actor.at, optin), { opensWindow: true });
  }

  /** Instagram: the person mentioned the business in their story. */
  async storyMention(personRef: string, dto: PersonStoryMentionDto): Promise<ActionResult> {
    const actor = await this.actor(personRef, dto);
    if (actor.party.channel !== 'instagram') throw SandboxErrors.invalid('story mentions exist on Instagram only');
    const url =
      dto.url ?? `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${this.ids.numeric(17)}&signature=sandbox`;
    return this.message(
      personRef,
      Object.assign(new PersonMessageDto(), {
        account: actor.party.accountId,
        timestamp: dto.timestamp,
        attachments: [{ type: 'story_mention', url }],
      }),
    );
  }

  async patch(personRef: string, available: boolean | undefined): Promise<PersonEntity> {
    const person = await this.findPerson(personRef);
    if (available !== undefined) await this.world.updatePerson(person.id, { available });
    return { ...person, ...(available !== undefined && { available }) };
  }

  /** A person by sandbox id, or by one of their scoped ids. */
  async findPerson(ref: string): Promise<PersonEntity> {
    const direct = await this.world.person(ref);
    if (direct) return direct;
    const identity = await this.world.identity(ref);
    const person = identity ? await this.world.person(identity.personId) : null;
    if (!person) throw SandboxErrors.notFound('person', ref);
    return person;
  }

  /** The identity used for an action: given by account id, or implied when the person has only one (or the ref is a scoped id). */
  async identityFor(
    ref: string,
    account: string | undefined,
  ): Promise<{ person: PersonEntity; identity: IdentityEntity }> {
    const person = await this.findPerson(ref);
    const identities = await this.world.identitiesOf(person.id);
    const byRef = identities.find((i) => i.scopedId === ref);
    const identity = account
      ? identities.find((i) => i.accountId === account)
      : (byRef ?? (identities.length === 1 ? identities[0] : undefined));
    if (!identity) {
      throw SandboxErrors.invalid(
        account
          ? `person ${ref} has no identity on account ${account}`
          : `person ${ref} has several identities; say which account`,
      );
    }
    return { person, identity };
  }

  private async actor(ref: string, dto: PersonActionDto): Promise<Actor> {
    const { person, identity } = await this.identityFor(ref, dto.account);
    const ig = identity.channel === 'instagram' ? await this.world.instagramAccount(identity.accountId) : null;
    const page = await this.world.page(ig ? ig.pageId : identity.accountId);
    if (!page) throw SandboxErrors.notFound('page of account', identity.accountId);
    const conversation = await this.threads.open(identity.channel, identity.accountId, identity.scopedId);
    const party = { channel: identity.channel, accountId: identity.accountId, scopedId: identity.scopedId };
    return { person, identity, page, conversation, party, at: dto.timestamp ?? this.clock.now() };
  }

  private async ownMessage(actor: Actor, mid: string) {
    const message = await this.conversations.message(mid);
    if (!message || message.conversationId !== actor.conversation.id)
      throw SandboxErrors.notFound('message in this conversation', mid);
    return message;
  }

  private async deliver(
    actor: Actor,
    event: MessagingItem,
    effects: { opensWindow?: boolean; newMessage?: boolean; mid?: string },
  ): Promise<ActionResult> {
    const at = new Date(actor.at);
    const patch: Partial<ConversationEntity> = {};
    if (
      effects.opensWindow &&
      (actor.conversation.lastUserActionAt === null || actor.conversation.lastUserActionAt < at)
    )
      patch.lastUserActionAt = at;
    if (effects.newMessage) {
      patch.updatedAt = new Date(Math.max(at.getTime(), actor.conversation.updatedAt.getTime()));
      patch.unreadCount = actor.conversation.unreadCount + 1;
    }
    if (Object.keys(patch).length) await this.conversations.update(actor.conversation.id, patch);
    const target: EmitTarget = this.threads.target(actor.conversation, actor.page);
    const now = new Date(this.clock.now());
    const deliveredTo = await this.emitter.emit(target, event, now, now);
    return {
      personId: actor.person.id,
      channel: actor.party.channel,
      account: actor.party.accountId,
      scopedId: actor.party.scopedId,
      ...(effects.mid && { mid: effects.mid }),
      event,
      deliveredTo,
    };
  }
}
