import { timingSafeEqual } from 'node:crypto';
import { Channel, GraphError, GraphErrors, TokenInvalidation } from '../graph/graph-error';
import { appSecretProof } from '../webhooks/signature';

export type TokenType = 'USER' | 'PAGE' | 'APP';

export interface TokenFacts {
  type: TokenType;
  expiresAt: number | null;
  invalidated: TokenInvalidation | null;
  /** False once the user removed the app (DELETE /me/permissions). */
  appAuthorized: boolean;
  /** For Page tokens: whether the granting user still has any task on the Page. */
  userHasPageRole: boolean;
}

/** Why a stored token no longer works, in the order Meta checks it (meta-platform.md §8.1, §6.2 code 190). */
export function tokenError(token: TokenFacts, now: number): GraphError | null {
  if (token.invalidated !== null) return GraphErrors.tokenInvalidated(token.invalidated);
  if (token.expiresAt !== null && token.expiresAt <= now) return GraphErrors.tokenExpired(token.expiresAt, now);
  if (token.type !== 'APP' && !token.appAuthorized) return GraphErrors.tokenInvalidated('not_authorized');
  if (token.type === 'PAGE' && !token.userHasPageRole) return GraphErrors.tokenInvalidated('session_invalid');
  return null;
}

/** `appsecret_proof` check for apps with "Require App Secret" on (meta-platform.md §8.7). */
export function appSecretProofError(
  required: boolean,
  accessToken: string,
  appSecret: string,
  proof: string | undefined,
): GraphError | null {
  if (proof === undefined || proof === '') return required ? GraphErrors.appSecretProofRequired() : null;
  const expected = Buffer.from(appSecretProof(accessToken, appSecret));
  const given = Buffer.from(proof);
  // A proof that is sent is verified even when not required, as Graph does.
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? null
    : GraphErrors.appSecretProofInvalid();
}

export type Operation =
  'send' | 'attachments' | 'conversations' | 'subscribe' | 'profile' | 'handover' | 'list_pages' | 'read_page';

export interface Requirements {
  permissions: readonly string[];
  tasks: readonly string[];
}

const IG_MESSAGING = ['instagram_basic', 'instagram_manage_messages'];

/** Permissions and Page tasks each operation needs (meta-platform.md §3, §8.4, §8.5, §9, §10). */
export function requirementsFor(operation: Operation, channel: Channel): Requirements {
  const messaging = channel === 'messenger' ? ['pages_messaging'] : IG_MESSAGING;
  switch (operation) {
    case 'send':
    case 'attachments':
    case 'handover':
      return { permissions: messaging, tasks: ['MESSAGING'] };
    case 'conversations':
      return {
        permissions: channel === 'messenger' ? messaging : [...IG_MESSAGING, 'pages_manage_metadata'],
        tasks: ['MESSAGING'],
      };
    case 'subscribe':
      return { permissions: ['pages_manage_metadata', 'pages_messaging'], tasks: ['MODERATE'] };
    case 'profile':
      return {
        permissions:
          channel === 'messenger' ? messaging : [...IG_MESSAGING, 'pages_manage_metadata', 'pages_show_list'],
        tasks: channel === 'messenger' ? ['MESSAGING'] : ['MODERATE'],
      };
    case 'list_pages':
      return { permissions: ['pages_show_list'], tasks: [] };
    case 'read_page':
      return { permissions: ['pages_show_list'], tasks: [] };
  }
}

/** The first unmet requirement as Meta reports it: a missing permission (200) before a missing task (10). */
export function accessError(
  required: Requirements,
  granted: readonly string[],
  tasks: readonly string[],
): GraphError | null {
  const permission = required.permissions.find((p) => !granted.includes(p));
  if (permission !== undefined) return GraphErrors.missingPermission(permission);
  // MANAGE implies every other task on the Page.
  if (tasks.includes('MANAGE')) return null;
  const task = required.tasks.find((t) => !tasks.includes(t));
  return task === undefined ? null : GraphErrors.missingTask(task);
}

/** Permissions a Facebook Login for Business configuration of a messaging integration asks for (§8.5). */
export const MESSAGING_PERMISSIONS = [
  'pages_show_list',
  'pages_manage_metadata',
  'pages_messaging',
  'pages_read_engagement',
  'business_management',
  'instagram_basic',
  'instagram_manage_messages',
];
