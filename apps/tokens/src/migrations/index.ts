/* eslint-disable @typescript-eslint/no-unsafe-function-type */
import { TokensInitial1780000300000 } from './1780000300000-tokens-initial';

/** The tokens schema's migrations, oldest first. Committed, and run at boot under an advisory lock. */
export const TOKENS_MIGRATIONS: Function[] = [TokensInitial1780000300000];
