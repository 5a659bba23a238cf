import type { MigrationInterface } from 'typeorm';
import { SandboxWorld1780000100000 } from './1780000100000-sandbox-world';

/** The meta_sandbox schema's migrations, oldest first. Committed, and run at boot under an advisory lock. */
export const META_SANDBOX_MIGRATIONS: Array<new () => MigrationInterface> = [SandboxWorld1780000100000];
