import { Channel } from '../graph/graph-error';
import { InboundAttachment, Referral } from '../webhooks/events';
import { PersonAttachmentDto, ReferralDto } from './dto/person-actions.dto';

export type PersonAttachment = PersonAttachmentDto | { type: 'story_mention'; url: string };

/** The emoji Meta sends with each named reaction. */
export const REACTION_EMOJI: Record<string, string> = {
  smile: '😆',
  angry: '😠',
  sad: '😢',
  wow: '😮',
  love: '❤️',
  like: '👍',
  dislike: '👎',
  laugh: '😂',
  other: '🙂',
};

/**
 * An attachment as Meta delivers it (meta-platform.md §2.1): stickers as their own type (2026), shared
 * Instagram posts as `ig_post` (no more `share`), CDN URLs when none is given. `newId` makes media ids.
 */
export function inboundAttachment(channel: Channel, a: PersonAttachment, newId: () => string): InboundAttachment {
  const given = 'url' in a ? a.url : undefined;
  const url =
    given ??
    `https://lookaside.fbsbx.com/${channel === 'instagram' ? 'ig_messaging_cdn' : 'file'}/?asset_id=${newId()}`;
  const title = 'title' in a ? (a.title ?? '') : '';
  switch (a.type) {
    case 'sticker':
      return {
        type: 'sticker',
        payload: { url, sticker_id: Number(('stickerId' in a && a.stickerId) || 369239263222822) },
      };
    case 'ig_post':
      return { type: 'ig_post', payload: { ig_post_media_id: newId(), title, url } };
    case 'ig_reel':
    case 'reel':
      return { type: a.type, payload: { url, title, reel_video_id: newId() } };
    case 'fallback':
      // Meta may send a fallback without any payload.
      return { type: 'fallback', payload: given ? { url, title } : null };
    case 'location': {
      const c = ('coordinates' in a && a.coordinates) || { lat: 0, long: 0 };
      return { type: 'location', payload: { coordinates: { lat: c.lat, long: c.long } } };
    }
    default:
      return { type: a.type, payload: { url } };
  }
}

export function referral(dto: ReferralDto): Referral {
  return {
    ref: dto.ref,
    source: dto.source ?? 'SHORTLINK',
    type: dto.type ?? 'OPEN_THREAD',
    ad_id: dto.adId,
    ads_context_data: dto.adsContextData,
    referer_uri: dto.refererUri,
  };
}
