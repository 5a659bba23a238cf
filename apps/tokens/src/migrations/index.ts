/** The tokens schema's migrations, oldest first. Committed, and run at boot under an advisory lock. */
export const TOKENS_MIGRATIONS: Function[] = [];
