// Meta's webhook payloads as they arrive (Messenger Platform and Instagram messaging). Every field is
// optional on purpose: Meta's payloads vary by version and flavour, and normalization copes with gaps.
// Integers beyond 2^53 arrive as strings (see webhook-body.ts).

export type MetaId = string | number;

export interface MetaParty {
  id?: MetaId;
  user_ref?: string;
}

export interface MetaAttachment {
  type?: string;
  payload?: ({ [key: string]: unknown } & MetaAttachmentPayload) | null;
  title?: string;
  url?: string | null;
  URL?: string;
}

export interface MetaAttachmentPayload {
  url?: string;
  title?: string;
  sticker_id?: MetaId;
  reel_video_id?: MetaId;
  ig_post_media_id?: MetaId;
  story_media_id?: MetaId;
  story_media_url?: string;
  coordinates?: { lat?: number; long?: number };
}

export interface MetaReferral {
  ref?: string;
  source?: string;
  type?: string;
  ad_id?: MetaId;
  referer_uri?: string;
  origin_domain?: string;
  product?: { id?: MetaId };
  ads_context_data?: { [key: string]: unknown };
}

export interface MetaMessage {
  mid?: string;
  text?: string;
  attachments?: MetaAttachment[];
  quick_reply?: { payload?: string };
  reply_to?: { mid?: string; is_self_reply?: boolean; story?: { id?: MetaId; url?: string } };
  referral?: MetaReferral;
  is_echo?: boolean;
  app_id?: MetaId;
  metadata?: string;
  is_deleted?: boolean;
  is_unsupported?: boolean;
  is_self?: boolean;
}

export interface MetaMessagingItem {
  sender?: MetaParty;
  recipient?: MetaParty;
  timestamp?: number | string;
  message?: MetaMessage;
  reaction?: { mid?: string; action?: string; reaction?: string; emoji?: string };
  read?: { watermark?: number | string; mid?: string };
  delivery?: { mids?: string[]; watermark?: number | string };
  postback?: { mid?: string; title?: string; payload?: string; referral?: MetaReferral };
  referral?: MetaReferral;
  optin?: { [key: string]: unknown };
  message_edit?: { mid?: string; text?: string; num_edit?: number | string };
  pass_thread_control?: { previous_owner_app_id?: MetaId | null; new_owner_app_id?: MetaId; metadata?: string };
  take_thread_control?: { previous_owner_app_id?: MetaId | null; new_owner_app_id?: MetaId; metadata?: string };
  request_thread_control?: { requested_owner_app_id?: MetaId; metadata?: string };
  app_roles?: { [appId: string]: string[] };
  policy_enforcement?: { action?: string; reason?: string };
  'policy-enforcement'?: { action?: string; reason?: string };
  account_linking?: { status?: string; authorization_code?: string };
  [bodyKey: string]: unknown;
}

export interface MetaWebhookEntry {
  id?: MetaId;
  time?: number;
  messaging?: MetaMessagingItem[];
  standby?: MetaMessagingItem[];
  changes?: { [key: string]: unknown }[];
  [key: string]: unknown;
}

export type MetaWebhookObject = 'page' | 'instagram';

export interface MetaWebhookDelivery {
  object: MetaWebhookObject;
  entry: MetaWebhookEntry[];
}
