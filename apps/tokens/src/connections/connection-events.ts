import { Injectable } from '@nestjs/common';
import { CONNECTION_EVENT_TYPE, ConnectionChange, ConnectionEvent, Topics } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { randomUUID } from 'node:crypto';
import { PageConnectionEntity } from './page-connection.entity';

export function connectionEvent(
  connection: Pick<PageConnectionEntity, 'tenantId' | 'pageId' | 'instagramId' | 'status'>,
  change: ConnectionChange,
  reason: string,
  permissions: string[],
  at: Date,
): ConnectionEvent {
  return {
    eventId: randomUUID(),
    change,
    tenantId: connection.tenantId,
    pageId: connection.pageId,
    instagramId: connection.instagramId,
    reason,
    status: connection.status,
    permissions,
    occurredAt: at.toISOString(),
  };
}

/** Publishes `tokens.connection.v1`, keyed by Page. */
@Injectable()
export class ConnectionEvents {
  constructor(private readonly publisher: EventPublisher) {}

  publish(event: ConnectionEvent): Promise<void> {
    return this.publisher.publish(Topics.tokensConnection, [
      { key: event.pageId, type: CONNECTION_EVENT_TYPE, id: event.eventId, data: event, time: event.occurredAt },
    ]);
  }
}
