import { ErasureProgressEvent, ErasureRequestedEvent, Topics } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { TopicReader } from '../gateway/support/topic-reader';

/** Puts an erasure request on `privacy.erasure.v1` as compliance does: keyed and identified by its id. */
export function publishErasure(publisher: EventPublisher, request: ErasureRequestedEvent): Promise<void> {
  return publisher.publish(Topics.privacyErasure, [
    { key: request.erasureId, type: 'parley.privacy.erasure.v1', id: request.erasureId, data: request },
  ]);
}

/** One app's reports on one erasure, in the order they reached `privacy.erasure.progress.v1`. */
export function reportsOf(
  reader: TopicReader,
  prefix: string,
  erasureId: string,
  app: string,
): Array<ErasureProgressEvent & { key: string }> {
  return reader
    .of(`${prefix}${Topics.privacyErasureProgress}`)
    .map((r) => ({ ...(JSON.parse(r.value.toString()) as ErasureProgressEvent), key: r.key }))
    .filter((r) => r.erasureId === erasureId && r.app === app);
}
