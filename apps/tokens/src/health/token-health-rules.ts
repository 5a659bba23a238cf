import { OutboundStatusEvent } from '@app/contracts';
import { TokenDebugInfo } from '../diagnostics/diagnostics-rules';

/**
 * Why an outbound failure means the Page token is dead (meta-platform.md §6.2, code 190), or null when
 * it says nothing about the token.
 */
export function invalidTokenReason(event: Pick<OutboundStatusEvent, 'status' | 'failure'>): string | null {
  const failure = event.failure;
  if (event.status !== 'failed' || !failure) return null;
  if (failure.metaCode === 190) return `meta_error_190${failure.metaSubcode ? `_${failure.metaSubcode}` : ''}`;
  if (failure.metaCode === null && failure.reason === 'token_invalid') return 'token_invalid';
  return null;
}

/** Why a periodic `debug_token` answer means the connection is invalid, or null while it is fine. */
export function debugTokenProblem(token: TokenDebugInfo, nowSeconds: number): string | null {
  if (!token.isValid) {
    const e = token.error;
    return e ? `debug_token_invalid_${e.code}${e.subcode ? `_${e.subcode}` : ''}` : 'debug_token_invalid';
  }
  if (token.expiresAt && token.expiresAt <= nowSeconds) return 'token_expired';
  if (token.dataAccessExpiresAt && token.dataAccessExpiresAt <= nowSeconds) return 'data_access_expired';
  return null;
}
