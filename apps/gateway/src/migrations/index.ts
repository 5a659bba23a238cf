import { MigrationClasses } from '@app/database';
import { RecentPublication1780000000000 } from './1780000000000-recent-publication';

/** The gateway schema's migrations, oldest first. Committed, and run at boot under an advisory lock. */
export const GATEWAY_MIGRATIONS: MigrationClasses = [RecentPublication1780000000000];
