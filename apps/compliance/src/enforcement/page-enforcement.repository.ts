import { InboundChannel } from '@app/contracts';
import { PageEnforcement } from '../decisions/page-enforcement';

export abstract class PageEnforcementRepository {
  /** Keeps the latest enforcement of the Page; an older one arriving late changes nothing. */
  abstract record(channel: InboundChannel, accountId: string, enforcement: PageEnforcement): Promise<void>;
  abstract find(channel: InboundChannel, accountId: string): Promise<PageEnforcement | null>;
}
