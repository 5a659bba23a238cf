import type { EntityClasses, MigrationClasses } from '../../libs/database/src/data-source-options';
import { COMPLIANCE_ENTITIES } from '../../apps/compliance/src/entities';
import { COMPLIANCE_MIGRATIONS } from '../../apps/compliance/src/migrations';
import { GATEWAY_ENTITIES } from '../../apps/gateway/src/entities';
import { GATEWAY_MIGRATIONS } from '../../apps/gateway/src/migrations';
import { META_SANDBOX_ENTITIES } from '../../apps/meta-sandbox/src/entities';
import { META_SANDBOX_MIGRATIONS } from '../../apps/meta-sandbox/src/migrations';
import { OUTBOUND_ENTITIES } from '../../apps/outbound/src/entities';
import { OUTBOUND_MIGRATIONS } from '../../apps/outbound/src/migrations';
import { TOKENS_ENTITIES } from '../../apps/tokens/src/entities';
import { TOKENS_MIGRATIONS } from '../../apps/tokens/src/migrations';

export interface AppSchema {
  schema: string;
  entities: EntityClasses;
  migrations: MigrationClasses;
}

/** Every app's schema with its entities and migrations: the template database and the drift test use them. */
export const APP_SCHEMAS: AppSchema[] = [
  { schema: 'gateway', entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS },
  { schema: 'outbound', entities: OUTBOUND_ENTITIES, migrations: OUTBOUND_MIGRATIONS },
  { schema: 'tokens', entities: TOKENS_ENTITIES, migrations: TOKENS_MIGRATIONS },
  { schema: 'compliance', entities: COMPLIANCE_ENTITIES, migrations: COMPLIANCE_MIGRATIONS },
  { schema: 'meta_sandbox', entities: META_SANDBOX_ENTITIES, migrations: META_SANDBOX_MIGRATIONS },
];
