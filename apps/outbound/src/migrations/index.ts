/** The outbound schema's migrations, oldest first. Committed, and run at boot under an advisory lock. */
export const OUTBOUND_MIGRATIONS: Function[] = [];
