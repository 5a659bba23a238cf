import { PermissionState, TokenDebugInfo } from '../diagnostics/diagnostics-rules';

export interface IssuedToken {
  accessToken: string;
  /** Seconds; absent when Meta names no lifetime. */
  expiresIn?: number;
}

export interface GrantedPage {
  id: string;
  name: string;
  accessToken: string;
  tasks: string[];
  instagram: { id: string; username: string | null } | null;
}

/** The Graph API calls the tokens app makes (meta-platform.md §3, §8). */
export abstract class MetaApi {
  /** The login dialog URL the admin's browser is sent to. */
  abstract dialogUrl(redirectUri: string, state: string): string;
  abstract exchangeCode(code: string, redirectUri: string): Promise<IssuedToken>;
  abstract exchangeForLongLived(userToken: string): Promise<IssuedToken>;
  abstract grantedPages(userToken: string): Promise<GrantedPage[]>;
  abstract debugToken(token: string): Promise<TokenDebugInfo>;
  abstract permissions(userToken: string): Promise<Array<{ permission: string; status: PermissionState }>>;
  /** This app's `subscribed_fields` on the Page, or null when it is not subscribed. */
  abstract subscribedFields(pageId: string, pageToken: string): Promise<string[] | null>;
  abstract subscribe(pageId: string, pageToken: string, fields: readonly string[]): Promise<void>;
  abstract unsubscribe(pageId: string, pageToken: string): Promise<void>;
}
