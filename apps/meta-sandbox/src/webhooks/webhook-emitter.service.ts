import { Injectable } from '@nestjs/common';
import { Channel } from '../graph/graph-error';
import { WorldRepository } from '../world/world.repository';
import { canonicalField, MessagingItem, routeEvent, subscriptionFieldOf, Subscriber } from './events';
import { WebhookRepository } from './webhook.repository';

export interface EmitTarget {
  channel: Channel;
  /** Page id or Instagram account id (`entry[].id`). */
  accountId: string;
  /** The Page behind the account (itself for Messenger). */
  pageId: string;
  /** The app owning the thread now, or null when nobody does. */
  ownerAppId: string | null;
}

/** Kicks the delivery worker when something new is queued. */
export abstract class DeliveryKick {
  abstract kick(): void;
}

/** Turns messaging items into per-app webhook events, routed as Meta routes them. */
@Injectable()
export class WebhookEmitter {
  constructor(
    private readonly world: WorldRepository,
    private readonly webhooks: WebhookRepository,
    private readonly kicker: DeliveryKick,
  ) {}

  /** Broadcasts to every subscribed app (`messaging` or `standby`). Returns the app ids reached. */
  async emit(target: EmitTarget, item: MessagingItem, dueAt: Date, now: Date): Promise<string[]> {
    const subscribers = await this.subscribers(target);
    const routed = routeEvent(target.channel, item, subscribers, target.ownerAppId);
    await this.webhooks.insertEvents(
      routed.map((r) => ({
        appId: r.appId,
        object: target.channel === 'messenger' ? 'page' : 'instagram',
        accountId: target.accountId,
        kind: r.kind,
        item: r.item,
        dueAt,
        createdAt: now,
      })),
    );
    if (routed.length) this.kicker.kick();
    return routed.map((r) => r.appId);
  }

  /** Sends an item to one app only (handover notices go to the app concerned). */
  async emitTo(appId: string, target: EmitTarget, item: MessagingItem, now: Date): Promise<boolean> {
    const subscriber = (await this.subscribers(target)).find((s) => s.appId === appId);
    const field = subscriptionFieldOf(target.channel, item);
    if (subscriber === undefined || !subscriber.fields.map(canonicalField).includes(field)) return false;
    await this.webhooks.insertEvents([
      {
        appId,
        object: target.channel === 'messenger' ? 'page' : 'instagram',
        accountId: target.accountId,
        kind: 'messaging',
        item,
        dueAt: now,
        createdAt: now,
      },
    ]);
    this.kicker.kick();
    return true;
  }

  /**
   * Messenger: apps subscribed to the Page with their fields. Instagram: apps subscribed to the linked Page
   * (any field) receive the `instagram` object fields they subscribed to at app level.
   */
  private async subscribers(target: EmitTarget): Promise<Subscriber[]> {
    const subscriptions = await this.world.subscriptions(target.pageId);
    const apps = await this.world.appsByIds(subscriptions.map((s) => s.appId));
    const byId = new Map(apps.map((a) => [a.id, a]));
    return subscriptions
      .filter((s) => byId.get(s.appId)?.callbackUrl)
      .map((s) => ({
        appId: s.appId,
        fields: target.channel === 'messenger' ? s.fields : (byId.get(s.appId)?.instagramFields ?? []),
      }));
  }
}
