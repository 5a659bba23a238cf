/**
 * The checklist an admin sees for a connected Page or Instagram account, computed from what Meta
 * answers on `/debug_token`, `/me/permissions` and the Page's `tasks` (meta-platform.md §8).
 */

export const PAGE_PERMISSIONS = [
  'pages_show_list',
  'pages_manage_metadata',
  'pages_messaging',
  'pages_read_engagement',
  'business_management',
] as const;

export const INSTAGRAM_PERMISSIONS = ['instagram_basic', 'instagram_manage_messages'] as const;

export const REQUIRED_TASKS = ['MESSAGING', 'MODERATE'] as const;

/** Every Page field the gateway handles; `POST subscribed_apps` replaces the list, so it is always sent whole. */
export const PAGE_SUBSCRIBED_FIELDS = [
  'messages',
  'message_echoes',
  'messaging_postbacks',
  'message_reactions',
  'message_reads',
  'message_deliveries',
  'messaging_referrals',
  'messaging_optins',
  'messaging_handovers',
  'standby',
  'message_edits',
  'messaging_policy_enforcement',
] as const;

const EXPIRY_WARNING_SECONDS = 7 * 24 * 3600;
const DATA_ACCESS_WARNING_SECONDS = 14 * 24 * 3600;

export type CheckStatus = 'pass' | 'fail' | 'warn';

export interface CheckItem {
  id: string;
  status: CheckStatus;
  summary: string;
  /** What the admin must do; present on every item that is not a pass. */
  action?: string;
}

export interface TokenDebugInfo {
  isValid: boolean;
  type?: string;
  /** Epoch seconds; 0 = never. */
  expiresAt?: number;
  dataAccessExpiresAt?: number;
  scopes: string[];
  granularScopes?: Array<{ scope: string; targetIds?: string[] }>;
  error?: { code: number; subcode?: number; message: string };
  /** The app-scoped id of the user who granted the token. */
  userId?: string;
}

export type PermissionState = 'granted' | 'declined' | 'expired';

export interface DiagnosticsInput {
  subject: { kind: 'page'; pageId: string } | { kind: 'instagram'; pageId: string; instagramId: string };
  token: TokenDebugInfo | null;
  /** `/me/permissions` of the granting user; null when it could not be read. */
  permissions: Array<{ permission: string; status: PermissionState }> | null;
  tasks: string[];
  /** The app's `subscribed_fields` on the Page; null when the app is not subscribed. */
  subscribedFields: string[] | null;
  /** Access level per permission, where the app's configuration says so. */
  accessLevels?: Readonly<Record<string, 'standard' | 'advanced'>>;
  /** Epoch seconds. */
  now: number;
}

export interface Diagnostics {
  ready: boolean;
  items: CheckItem[];
}

const RECONNECT = 'Run onboarding again for this Page with an admin who has full control of it.';

export function requiredPermissions(kind: 'page' | 'instagram'): string[] {
  return kind === 'page' ? [...PAGE_PERMISSIONS] : [...PAGE_PERMISSIONS, ...INSTAGRAM_PERMISSIONS];
}

export function tokenChecks(token: TokenDebugInfo | null, now: number): CheckItem[] {
  if (!token) {
    return [{ id: 'token.valid', status: 'fail', summary: 'No token is stored for this account.', action: RECONNECT }];
  }
  if (!token.isValid) {
    const why = token.error
      ? ` (Meta error ${token.error.code}${token.error.subcode ? `/${token.error.subcode}` : ''})`
      : '';
    return [{ id: 'token.valid', status: 'fail', summary: `The token is no longer valid${why}.`, action: RECONNECT }];
  }
  return [
    { id: 'token.valid', status: 'pass', summary: 'The token is valid.' },
    typeCheck(token.type),
    expiryCheck('token.expiry', 'The token', token.expiresAt, now, EXPIRY_WARNING_SECONDS),
    expiryCheck('token.data_access', 'Data access', token.dataAccessExpiresAt, now, DATA_ACCESS_WARNING_SECONDS),
  ];
}

function typeCheck(type: string | undefined): CheckItem {
  if (type === 'PAGE' || type === 'SYSTEM_USER')
    return { id: 'token.type', status: 'pass', summary: `Token type ${type}.` };
  return {
    id: 'token.type',
    status: 'fail',
    summary: `Token type ${type ?? 'unknown'}; messaging needs a Page or system-user token.`,
    action: RECONNECT,
  };
}

function expiryCheck(id: string, what: string, at: number | undefined, now: number, warnWithin: number): CheckItem {
  if (!at) return { id, status: 'pass', summary: `${what} does not expire.` };
  const when = new Date(at * 1000).toISOString();
  if (at <= now) return { id, status: 'fail', summary: `${what} expired at ${when}.`, action: RECONNECT };
  if (at - now <= warnWithin) {
    return { id, status: 'warn', summary: `${what} expires at ${when}.`, action: `${RECONNECT} before ${when}.` };
  }
  return { id, status: 'pass', summary: `${what} expires at ${when}.` };
}

/** The target a granular scope must cover: Instagram scopes name the account, the others the Page. */
function targetFor(permission: string, input: DiagnosticsInput): string {
  return input.subject.kind === 'instagram' && permission.startsWith('instagram_')
    ? input.subject.instagramId
    : input.subject.pageId;
}

export function permissionChecks(input: DiagnosticsInput): CheckItem[] {
  const states = new Map((input.permissions ?? []).map((p) => [p.permission, p.status]));
  return requiredPermissions(input.subject.kind).map((permission) => {
    const id = `permission.${permission}`;
    const state = input.permissions
      ? states.get(permission)
      : input.token?.scopes.includes(permission)
        ? 'granted'
        : undefined;
    if (state !== 'granted') {
      const summary =
        state === undefined ? `${permission} was not granted.` : `${permission} is ${state} by the admin.`;
      return { id, status: 'fail', summary, action: `Run onboarding again and allow ${permission} in the dialog.` };
    }
    const granular = input.token?.granularScopes?.find((g) => g.scope === permission);
    const target = targetFor(permission, input);
    if (granular?.targetIds && !granular.targetIds.includes(target)) {
      return {
        id,
        status: 'fail',
        summary: `${permission} was granted for other assets, not ${target}.`,
        action: `Run onboarding again and select ${target} in the dialog.`,
      };
    }
    return { id, status: 'pass', summary: `${permission} is granted.` };
  });
}

/** Meta's documents disagree on which way the dependency runs, so the platform requests them together (§8.5). */
export function businessManagementCheck(input: DiagnosticsInput): CheckItem[] {
  const granted = (p: string) =>
    input.permissions
      ? input.permissions.some((x) => x.permission === p && x.status === 'granted')
      : (input.token?.scopes.includes(p) ?? false);
  if (granted('business_management')) return [];
  const dependants = ['pages_messaging', 'pages_show_list', 'instagram_manage_messages'].filter(granted);
  if (dependants.length === 0) return [];
  return [
    {
      id: 'dependency.business_management',
      status: 'fail',
      summary: `${dependants.join(', ')} granted without business_management; Pages owned by a business portfolio are not reachable without it.`,
      action: 'Run onboarding again and allow business_management together with the other permissions.',
    },
  ];
}

export function taskChecks(tasks: readonly string[]): CheckItem[] {
  return REQUIRED_TASKS.map((task) =>
    tasks.includes(task)
      ? { id: `task.${task}`, status: 'pass', summary: `The admin can perform ${task} on the Page.` }
      : {
          id: `task.${task}`,
          status: 'fail',
          summary: `The admin who connected the Page cannot perform ${task}.`,
          action: `In Meta Business Suite, give the admin the ${task === 'MESSAGING' ? 'Messages' : 'Community activity'} task (or full control) on the Page, then run onboarding again.`,
        },
  );
}

/** The fields the Page is missing; Instagram events only need the linked Page subscribed at all. */
export function missingFields(kind: 'page' | 'instagram', subscribed: readonly string[]): string[] {
  if (kind === 'instagram') return subscribed.length > 0 ? [] : ['messages'];
  return PAGE_SUBSCRIBED_FIELDS.filter((f) => !subscribed.includes(f));
}

export function subscriptionCheck(input: DiagnosticsInput): CheckItem {
  const id = 'webhook.subscription';
  const repair = 'Use "repair subscription" on this Page (POST /v1/pages/{id}/subscription).';
  if (input.subscribedFields === null) {
    return { id, status: 'fail', summary: 'The app is not subscribed to the Page webhooks.', action: repair };
  }
  const missing = missingFields(input.subject.kind, input.subscribedFields);
  if (missing.length > 0) {
    return { id, status: 'fail', summary: `The subscription lacks ${missing.join(', ')}.`, action: repair };
  }
  return { id, status: 'pass', summary: 'Webhooks are subscribed with every field.' };
}

export function accessLevelChecks(input: DiagnosticsInput): CheckItem[] {
  const levels = input.accessLevels;
  if (!levels) return [];
  return requiredPermissions(input.subject.kind).flatMap((permission): CheckItem[] => {
    const level = levels[permission];
    if (level === undefined) return [];
    const id = `access.${permission}`;
    if (level === 'advanced') return [{ id, status: 'pass', summary: `${permission} has Advanced Access.` }];
    return [
      {
        id,
        status: 'warn',
        summary: `${permission} has Standard Access: only people with a role on the app can be served.`,
        action: `Request Advanced Access for ${permission} through App Review and Business Verification.`,
      },
    ];
  });
}

export function diagnose(input: DiagnosticsInput): Diagnostics {
  const items = [
    ...tokenChecks(input.token, input.now),
    ...permissionChecks(input),
    ...businessManagementCheck(input),
    ...taskChecks(input.tasks),
    subscriptionCheck(input),
    ...accessLevelChecks(input),
  ];
  return { ready: items.every((i) => i.status !== 'fail'), items };
}
