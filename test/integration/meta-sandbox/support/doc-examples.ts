/**
 * The response examples of meta-platform.md, one per documented example, as the contract the sandbox's
 * answers are checked against (by shape: keys and value types).
 */
export const DocExamples = {
  /** §8.1 step 4 and 5: code exchange and fb_exchange_token. */
  accessToken: { access_token: 'EAAB...', token_type: 'bearer', expires_in: 5183944 },
  /** §8.1 step 6: /me/accounts with tasks and the linked Instagram account. */
  meAccounts: {
    data: [
      {
        id: '<PAGE_ID>',
        name: 'Acme',
        access_token: 'EAAB...',
        tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
        instagram_business_account: { id: '1784...', username: 'acme' },
      },
    ],
    paging: { cursors: { before: '...', after: '...' } },
  },
  /** §8.2 debug_token of a Page token. */
  debugToken: {
    data: {
      app_id: '138483919580948',
      type: 'PAGE',
      application: 'Parley',
      data_access_expires_at: 1735689600,
      expires_at: 0,
      is_valid: true,
      issued_at: 1727913600,
      profile_id: '<PAGE_ID for PAGE tokens>',
      scopes: ['pages_show_list', 'pages_messaging', 'pages_manage_metadata', 'business_management'],
      granular_scopes: [{ scope: 'pages_messaging', target_ids: ['<PAGE_ID>'] }],
      user_id: '<app-scoped user id of the granting user>',
    },
  },
  /** §8.3 /me/permissions. */
  mePermissions: {
    data: [
      { permission: 'pages_messaging', status: 'granted' },
      { permission: 'instagram_manage_messages', status: 'declined' },
    ],
  },
  /** §8.8 the linked Instagram account of a Page. */
  pageInstagram: { instagram_business_account: { id: '17841400000000000' }, id: '<PAGE_ID>' },
  /** §3 subscribed_apps. */
  subscribedAppsPost: { success: true },
  subscribedAppsGet: {
    data: [{ category: '...', link: '...', name: 'Parley', id: '<app-id>', subscribed_fields: ['messages'] }],
  },
  /** §4.7 Send API response. */
  sendResponse: { recipient_id: '1254477777772919', message_id: 'AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48P...' },
  /** §4.6 sender action response. */
  senderActionResponse: { recipient_id: '...' },
  /** §4.4 Attachment Upload API. */
  attachmentUpload: { attachment_id: '1857777774821032' },
  /** §9 conversations list, one conversation's messages, one message. */
  conversations: {
    data: [{ id: 't_10208...', updated_time: '2026-03-01T10:00:00+0000' }],
    paging: { cursors: { before: '', after: '' } },
  },
  conversationMessages: {
    messages: { data: [{ id: 'm_...', created_time: '...' }], paging: { cursors: { before: '', after: '' } } },
    id: 't_...',
  },
  instagramMessage: {
    id: 'm_...',
    created_time: '...',
    from: { id: '<IGSID>', username: 'jane' },
    to: { data: [{ id: '<IG_ID>', username: 'acme' }] },
    message: 'hi',
  },
  /** §10.1 and §10.2 user profiles. */
  messengerProfile: {
    first_name: 'Peter',
    last_name: 'Chang',
    profile_pic: 'https://platform-lookaside.fbsbx.com/...',
    id: '<PSID>',
  },
  instagramProfile: {
    name: 'Jane',
    username: 'jane.doe',
    profile_pic: 'https://...',
    follower_count: 1234,
    is_user_follow_business: true,
    is_business_follow_user: false,
    is_verified_user: false,
    id: '<IGSID>',
  },
  /** §11.3 handover. */
  threadControl: { success: true },
  threadOwner: { data: [{ thread_owner: { app_id: '123456789', expiration: '...' } }] },
  /** §6.1 error body (optional keys left out). */
  error: {
    error: {
      message: '(#100) No matching user found',
      type: 'OAuthException',
      code: 100,
      error_subcode: 2018001,
      fbtrace_id: 'AGn41P1D1C9',
    },
  },
};
