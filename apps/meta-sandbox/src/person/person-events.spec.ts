import { PersonAttachment, inboundAttachment, referral } from './person-events';

const ids = () => '17900000000000001';

describe(inboundAttachment.name, () => {
  it.each<[string, 'messenger' | 'instagram', PersonAttachment, unknown]>([
    [
      'image with its URL',
      'messenger',
      { type: 'image', url: 'https://x/a.png' },
      { type: 'image', payload: { url: 'https://x/a.png' } },
    ],
    [
      'sticker as its own type',
      'messenger',
      { type: 'sticker', stickerId: '42' },
      {
        type: 'sticker',
        payload: { url: 'https://lookaside.fbsbx.com/file/?asset_id=17900000000000001', sticker_id: 42 },
      },
    ],
    [
      'shared post as ig_post',
      'instagram',
      { type: 'ig_post', url: 'https://x/p', title: 'Post' },
      { type: 'ig_post', payload: { ig_post_media_id: '17900000000000001', title: 'Post', url: 'https://x/p' } },
    ],
    ['fallback without payload', 'messenger', { type: 'fallback' }, { type: 'fallback', payload: null }],
    [
      'location',
      'messenger',
      { type: 'location', coordinates: { lat: 1.5, long: -2 } },
      { type: 'location', payload: { coordinates: { lat: 1.5, long: -2 } } },
    ],
    [
      'story mention',
      'instagram',
      { type: 'story_mention', url: 'https://cdn/s' },
      { type: 'story_mention', payload: { url: 'https://cdn/s' } },
    ],
  ])('%s', (_label, channel, input, expected) => {
    expect(inboundAttachment(channel, input, ids)).toEqual(expected);
  });

  it('makes an Instagram CDN URL when none is given', () => {
    expect(inboundAttachment('instagram', { type: 'video' }, ids)).toEqual({
      type: 'video',
      payload: { url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17900000000000001' },
    });
  });
});

describe(referral.name, () => {
  it('defaults to an m.me link opening the thread', () => {
    expect(referral({ ref: 'promo' })).toEqual({
      ref: 'promo',
      source: 'SHORTLINK',
      type: 'OPEN_THREAD',
      ad_id: undefined,
      ads_context_data: undefined,
      referer_uri: undefined,
    });
  });
});
