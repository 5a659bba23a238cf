/** The compliance schema's migrations, oldest first. Committed, and run at boot under an advisory lock. */
export const COMPLIANCE_MIGRATIONS: Function[] = [];
