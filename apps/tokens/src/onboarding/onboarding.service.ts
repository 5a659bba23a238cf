import { Injectable, Logger } from '@nestjs/common';
import { MetaGraphError } from '@app/meta';
import { Clock } from '../common/clock';
import { TokensConfig } from '../config/tokens.config';
import { ConnectionsService } from '../connections/connections.service';
import { DiagnosticsService } from '../diagnostics/diagnostics.service';
import { MetaApi } from '../meta/meta-api';
import { OnboardingNoncesRepository } from './onboarding-nonces.repository';
import { OnboardingView } from './onboarding-page';
import { newNonce, signState, verifyState } from './onboarding-state';

export interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
  error_description?: string;
}

export interface OnboardingOutcome {
  status: number;
  view: OnboardingView;
}

const TENANT_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/** Facebook Login for Business (meta-platform.md §8.1): dialog, code, long-lived token, Pages, stored tokens. */
@Injectable()
export class OnboardingService {
  private readonly logger = new Logger(OnboardingService.name);

  constructor(
    private readonly meta: MetaApi,
    private readonly connections: ConnectionsService,
    private readonly diagnostics: DiagnosticsService,
    private readonly nonces: OnboardingNoncesRepository,
    private readonly clock: Clock,
    private readonly config: TokensConfig,
  ) {}

  /** Where to send the admin's browser; null for a tenant id that cannot be one. */
  start(tenantId: string, baseUrl: string): string | null {
    if (!TENANT_ID.test(tenantId)) return null;
    const expiresAt = Math.floor(this.clock.now().getTime() / 1000) + this.config.ONBOARDING_STATE_TTL_SECONDS;
    const state = signState(this.config.ONBOARDING_STATE_SECRET, { tenantId, nonce: newNonce(), expiresAt });
    return this.meta.dialogUrl(callbackUrl(baseUrl), state);
  }

  async callback(query: CallbackQuery, baseUrl: string): Promise<OnboardingOutcome> {
    const now = this.clock.now();
    const verified = verifyState(this.config.ONBOARDING_STATE_SECRET, query.state, Math.floor(now.getTime() / 1000));
    if (!verified.ok)
      return refused(`The login link is ${verified.reason === 'expired' ? 'expired' : 'not valid'}; start again.`);
    if (!(await this.nonces.redeem(verified.state.nonce, now)))
      return refused('This login was already completed; start again.');
    if (query.error || !query.code) {
      return refused(`The login did not complete: ${query.error_description ?? query.error ?? 'no code returned'}.`);
    }
    try {
      const short = await this.meta.exchangeCode(query.code, callbackUrl(baseUrl));
      const long = await this.meta.exchangeForLongLived(short.accessToken);
      const userToken = long.accessToken;
      const [pages, permissions, debug] = await Promise.all([
        this.meta.grantedPages(userToken),
        this.meta.permissions(userToken),
        this.meta.debugToken(userToken),
      ]);
      const granted = permissions.filter((p) => p.status === 'granted').map((p) => p.permission);
      const view: OnboardingView = { title: 'Pages connected', pages: [] };
      for (const page of pages) {
        const result = await this.connections.connect(
          verified.state.tenantId,
          debug.userId ?? null,
          userToken,
          page,
          granted,
        );
        const checks = result.outcome === 'conflict' ? null : await this.diagnostics.forPage(page.id);
        view.pages.push({
          ...result,
          checklist: checks?.page ?? null,
          instagramChecklist: checks?.instagram ?? null,
        });
      }
      return { status: 200, view };
    } catch (e) {
      if (!(e instanceof MetaGraphError)) throw e;
      this.logger.warn(
        { code: e.code, subcode: e.subcode, fbtraceId: e.details.fbtraceId },
        'Onboarding failed at Meta',
      );
      return refused('Meta refused the login (the code may have expired or been used); start again.', 502);
    }
  }
}

export function callbackUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/onboarding/callback`;
}

function refused(problem: string, status = 400): OnboardingOutcome {
  return { status, view: { title: 'Onboarding failed', problem, pages: [] } };
}
