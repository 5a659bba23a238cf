import { parseArgs } from 'node:util';

export interface CliRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, unknown>;
}

export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:3004';

export const USAGE = `Usage: meta-sandbox <command> [options]   (talks to a running sandbox over HTTP)

The person's side (--person: sandbox id or PSID/IGSID, default "ana"; --page <id> or --instagram <id> picks the thread):
  person-send           [--text T] [--image|--video|--audio|--file URL] [--sticker] [--quick-reply PAYLOAD]
                        [--reply-to MID] [--ref REF --source ADS|SHORTLINK] [--timestamp MS]
  person-postback       --title T --payload P
  person-react          --mid MID [--reaction love|like|…] [--unreact]
  person-read           [--mid MID]
  person-edit           --mid MID --text T
  person-unsend         --mid MID                 (Instagram)
  person-referral       --ref REF [--source SHORTLINK] [--ad-id ID]
  person-optin          [--type notification_messages|one_time_notif_req|checkbox] [--payload P] [--title T]
  person-story-mention  [--story-url URL]         (Instagram)

Inspection and control:
  sent                  [--person P] [--page ID|--instagram ID]   what the business sent to the person
  person                [--person P]                            the person and their scoped ids
  deliveries            [--app ID] [--status pending|delivered|dropped] [--limit N]
  flush                                                         batch and attempt due deliveries now
  seed                  --json world.json                       POST the file to /_sandbox/seed

Options: --sandbox <URL> (default $META_SANDBOX_URL or ${DEFAULT_SANDBOX_URL})`;

const OPTIONS = {
  sandbox: { type: 'string' },
  'story-url': { type: 'string' },
  json: { type: 'string' },
  person: { type: 'string' },
  page: { type: 'string' },
  instagram: { type: 'string' },
  text: { type: 'string' },
  image: { type: 'string' },
  video: { type: 'string' },
  audio: { type: 'string' },
  file: { type: 'string' },
  sticker: { type: 'boolean' },
  'quick-reply': { type: 'string' },
  'reply-to': { type: 'string' },
  ref: { type: 'string' },
  source: { type: 'string' },
  'ad-id': { type: 'string' },
  timestamp: { type: 'string' },
  title: { type: 'string' },
  payload: { type: 'string' },
  mid: { type: 'string' },
  reaction: { type: 'string' },
  unreact: { type: 'boolean' },
  type: { type: 'string' },
  app: { type: 'string' },
  status: { type: 'string' },
  limit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type CliOptions = ReturnType<typeof parseCli>['options'];

export function parseCli(argv: string[]) {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  return { command: positionals[0], options: values };
}

const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Turns a command and its options into the sandbox HTTP call; throws with a message on bad usage. */
export function toRequest(command: string | undefined, o: CliOptions, readFile: (path: string) => string): CliRequest {
  const person = encodeURIComponent(o.person ?? 'ana');
  const base = defined({
    account: o.page ?? o.instagram,
    timestamp: o.timestamp === undefined ? undefined : Number(o.timestamp),
  });
  const need = (value: string | undefined, flag: string): string => {
    if (value === undefined || value === '') throw new Error(`${command} needs --${flag}`);
    return value;
  };
  const act = (action: string, body: Record<string, unknown>): CliRequest => ({
    method: 'POST',
    path: `/_sandbox/people/${person}/${action}`,
    body: { ...base, ...defined(body) },
  });
  switch (command) {
    case 'person-send': {
      const media = (['image', 'video', 'audio', 'file'] as const).flatMap((type) =>
        o[type] ? [{ type, url: o[type] }] : [],
      );
      const attachments = [...media, ...(o.sticker ? [{ type: 'sticker' }] : [])];
      const quickReply = o['quick-reply'] ? { payload: o['quick-reply'], title: o.text } : undefined;
      if (!o.text && attachments.length === 0 && !quickReply)
        throw new Error('person-send needs --text, an attachment or --quick-reply');
      return act('messages', {
        text: quickReply ? undefined : o.text,
        attachments: attachments.length ? attachments : undefined,
        quickReply,
        replyTo: o['reply-to'],
        referral: o.ref
          ? defined({ ref: o.ref, source: o.source ?? 'ADS', type: 'OPEN_THREAD', adId: o['ad-id'] })
          : undefined,
      });
    }
    case 'person-postback':
      return act('postbacks', { title: need(o.title, 'title'), payload: need(o.payload, 'payload') });
    case 'person-react':
      return act('reactions', {
        mid: need(o.mid, 'mid'),
        reaction: o.reaction,
        action: o.unreact ? 'unreact' : 'react',
      });
    case 'person-read':
      return act('reads', { mid: o.mid });
    case 'person-edit':
      return act('edits', { mid: need(o.mid, 'mid'), text: need(o.text, 'text') });
    case 'person-unsend':
      return act('unsends', { mid: need(o.mid, 'mid') });
    case 'person-referral':
      return act('referrals', {
        referral: defined({
          ref: need(o.ref, 'ref'),
          source: o.source ?? 'SHORTLINK',
          type: 'OPEN_THREAD',
          adId: o['ad-id'],
        }),
      });
    case 'person-optin':
      return act('optins', { type: o.type, payload: o.payload, title: o.title });
    case 'person-story-mention':
      return act('story-mentions', { url: o['story-url'] });
    case 'sent': {
      const account = o.page ?? o.instagram;
      return {
        method: 'GET',
        path: `/_sandbox/people/${person}/messages?direction=outbound${account ? `&account=${encodeURIComponent(account)}` : ''}`,
      };
    }
    case 'person':
      return { method: 'GET', path: `/_sandbox/people/${person}` };
    case 'deliveries': {
      const query = new URLSearchParams(
        defined({ appId: o.app, status: o.status, limit: o.limit }) as Record<string, string>,
      ).toString();
      return { method: 'GET', path: `/_sandbox/deliveries${query ? `?${query}` : ''}` };
    }
    case 'flush':
      return { method: 'POST', path: '/_sandbox/deliveries/flush' };
    case 'seed':
      return {
        method: 'POST',
        path: '/_sandbox/seed',
        body: JSON.parse(readFile(need(o.json, 'json'))) as Record<string, unknown>,
      };
    default:
      throw new Error(command ? `unknown command ${command}` : 'no command given');
  }
}
