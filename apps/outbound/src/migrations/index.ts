import { OutboundMessages1780000200000 } from './1780000200000-outbound-messages';

/** The outbound schema's migrations, oldest first. Committed, and run at boot under an advisory lock. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const OUTBOUND_MIGRATIONS: Function[] = [OutboundMessages1780000200000];
