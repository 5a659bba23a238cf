import { conversationIdOf, ErasureRequestedEvent, InboundChannel } from '@app/contracts';
import { ErasureRefusedError } from './personal-data-eraser';

/** Whose data an erasure request is about, checked whole. */
export type ErasureSubject =
  | {
      readonly kind: 'person';
      readonly channel: InboundChannel;
      readonly accountId: string;
      /** The PSID or IGSID. */
      readonly personId: string;
      /** `<channel>:<account id>:<person id>`, the key of everything kept about the conversation. */
      readonly conversationId: string;
    }
  | { readonly kind: 'app_user'; readonly appScopedUserId: string };

/** The subject of a request; refused when the fields its kind needs are missing (the schema allows nulls). */
export function erasureSubject(request: ErasureRequestedEvent): ErasureSubject {
  if (request.subjectKind === 'person') {
    const { channel, accountId, personId } = request;
    if (!channel || !accountId || !personId) {
      throw new ErasureRefusedError('the request names no channel, account and person id');
    }
    return {
      kind: 'person',
      channel,
      accountId,
      personId,
      conversationId: conversationIdOf(channel, accountId, personId),
    };
  }
  if (!request.appScopedUserId) throw new ErasureRefusedError('the request names no app-scoped user id');
  return { kind: 'app_user', appScopedUserId: request.appScopedUserId };
}
