import { MigrationClasses } from '@app/database';
import { TokensInitial1780000300000 } from './1780000300000-tokens-initial';

/** The tokens schema's migrations, oldest first. Committed, and run at boot under an advisory lock. */
export const TOKENS_MIGRATIONS: MigrationClasses = [TokensInitial1780000300000];
