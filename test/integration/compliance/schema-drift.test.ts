import { dataSourceOptions, migrateWithLock, pendingSchemaChanges } from '@app/database';
import { createTestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { COMPLIANCE_ENTITIES } from '../../../apps/compliance/src/entities';
import { COMPLIANCE_MIGRATIONS } from '../../../apps/compliance/src/migrations';

describe('compliance schema', () => {
  it('is exactly what the entities describe once the migrations ran', async () => {
    const database = await createTestDatabase('compliance_drift');
    const sut = new DataSource(
      dataSourceOptions({
        url: database.url,
        schema: 'compliance',
        entities: COMPLIANCE_ENTITIES,
        migrations: COMPLIANCE_MIGRATIONS,
        poolSize: 2,
      }),
    );
    try {
      await sut.initialize();
      await migrateWithLock(sut, 'compliance');
      expect(await pendingSchemaChanges(sut)).toEqual([]);
      await sut.query(
        `INSERT INTO compliance.decision (id, decided_at, conversation_id, channel, account_id, person_id, messaging_type,
          is_human_agent, requested_by, allowed, reason, rule)
         VALUES (gen_random_uuid(), now(), 'messenger:1:2', 'messenger', '1', '2', 'RESPONSE', false, 'x', true, 'r', 'r')`,
      );
      await expect(sut.query(`UPDATE compliance.decision SET allowed = false`)).rejects.toThrow(/append-only/);
    } finally {
      await sut.destroy();
      await database.drop();
    }
  });
});
