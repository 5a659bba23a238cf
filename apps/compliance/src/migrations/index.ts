import { MigrationClasses } from '@app/database';
import { ComplianceTables1780100000000 } from './1780100000000-compliance-tables';
import { PageEnforcement1780100000001 } from './1780100000001-page-enforcement';
import { AccountTenant1780100000002 } from './1780100000002-account-tenant';
import { VolumeCounters1780100000003 } from './1780100000003-volume-counters';
import { DecisionOutboxOrder1780100000004 } from './1780100000004-decision-outbox-order';

/** The compliance schema's migrations, oldest first. Committed, and run at boot under an advisory lock. */
export const COMPLIANCE_MIGRATIONS: MigrationClasses = [
  ComplianceTables1780100000000,
  PageEnforcement1780100000001,
  AccountTenant1780100000002,
  VolumeCounters1780100000003,
  DecisionOutboxOrder1780100000004,
];
