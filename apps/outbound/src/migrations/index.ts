import { MigrationClasses } from '@app/database';
import { OutboundMessages1780000200000 } from './1780000200000-outbound-messages';
import { AccountPauses1780000200001 } from './1780000200001-account-pauses';

/** The outbound schema's migrations, oldest first. Committed, and run at boot under an advisory lock. */
export const OUTBOUND_MIGRATIONS: MigrationClasses = [OutboundMessages1780000200000, AccountPauses1780000200001];
