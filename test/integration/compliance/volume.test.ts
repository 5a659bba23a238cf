import { InboundEvent, Topics } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { DataSource } from 'typeorm';
import { Clock } from '../../../apps/compliance/src/common/clock';
import { RetentionJob } from '../../../apps/compliance/src/retention/retention.job';
import { WindowsService } from '../../../apps/compliance/src/windows/windows.service';
import {
  ComplianceUnderTest,
  eventually,
  inboundMessage,
  INTERNAL_TOKEN,
  startCompliance,
} from './support/compliance-app';

const HOUR = 3_600_000;
// Both replicas read one instant, 400 ms into a second, so the per-second counts do not move under the test.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000 + 400);
const THIS_SECOND = new Date(NOW.getTime() - 400);

interface Pacing {
  level: 'ok' | 'warn' | 'deny';
  budgetPerSecond: number;
  remainingVolume: number | null;
}

describe('high-volume counters shared by compliance replicas', () => {
  let replicas: ComplianceUnderTest[];

  beforeAll(async () => {
    const first = await startCompliance('volume');
    replicas = [first, await startCompliance('volume', {}, first)];
    for (const replica of replicas) jest.spyOn(replica.app.get(Clock), 'now').mockReturnValue(NOW);
  }, 90_000);

  afterAll(async () => {
    // The replica first: the first instance owns the database.
    for (const replica of [...(replicas ?? [])].reverse()) await replica.close();
  }, 60_000);

  const pacing = async (replica: ComplianceUnderTest, channel: string, accountId: string): Promise<Pacing> => {
    const res = await fetch(`${replica.url}/internal/v1/pacing/${channel}/${accountId}`, {
      headers: { authorization: `Bearer ${INTERNAL_TOKEN}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Pacing;
  };

  const decide = async (replica: ComplianceUnderTest, body: Record<string, unknown>) => {
    const res = await fetch(`${replica.url}/internal/v1/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${INTERNAL_TOKEN}` },
      body: JSON.stringify({ channel: 'messenger', requestedBy: 'outbound', ...body }),
    });
    return (await res.json()) as { allowed: boolean; reason: string; pacing: Pacing };
  };

  /** Each replica applies every other event, as two consumers of the same group would. */
  const applyAcrossReplicas = async (events: InboundEvent[], offset = 0) => {
    await Promise.all(events.map((event, i) => replicas[(i + offset) % 2].app.get(WindowsService).applyInbound(event)));
  };

  const echoes = (accountId: string, count: number, from = 0) =>
    Array.from({ length: count }, (_, i) =>
      inboundMessage({
        kind: 'echo',
        accountId,
        personId: `p${(from + i) % 5}`,
        mid: `m_${accountId}_echo_${from + i}`,
        occurredAt: new Date(THIS_SECOND.getTime() + (from + i) * 10).toISOString(),
      }),
    );

  it("warns, then denies non-responses, on a Page's sends counted by both replicas, once each", async () => {
    await applyAcrossReplicas([
      inboundMessage({ accountId: '2001', personId: 'p0', occurredAt: new Date(NOW.getTime() - HOUR).toISOString() }),
    ]);
    // Defaults: warn at 24, deny at 32 of Meta's 40 messages per second.
    const first24 = echoes('2001', 24);
    await applyAcrossReplicas(first24);
    for (const replica of replicas) {
      expect(await pacing(replica, 'messenger', '2001')).toEqual({
        level: 'warn',
        budgetPerSecond: 8,
        remainingVolume: null,
      });
    }

    // Redelivered, each to the other replica this time: counted already.
    await applyAcrossReplicas(first24, 1);
    expect((await pacing(replicas[0], 'messenger', '2001')).budgetPerSecond).toBe(8);

    await applyAcrossReplicas(echoes('2001', 8, 24));
    const conversation = { accountId: '2001', personId: 'p0', conversationId: 'messenger:2001:p0' };
    const update = await decide(replicas[1], { ...conversation, messagingType: 'UPDATE' });
    expect(update).toMatchObject({
      allowed: false,
      reason: 'volume_over_limit',
      pacing: { level: 'deny', budgetPerSecond: 0 },
    });
    const reply = await decide(replicas[0], { ...conversation, messagingType: 'RESPONSE' });
    expect(reply).toMatchObject({ allowed: true, reason: 'window_open', pacing: { level: 'deny' } });
    // Another Page is not affected.
    expect((await pacing(replicas[0], 'messenger', '2002')).level).toBe('ok');
  });

  it("counts an Instagram account's messages and echoes from the inbound topic across replicas, redeliveries once", async () => {
    const publisher = replicas[0].app.get(EventPublisher);
    const publish = (events: InboundEvent[]) =>
      publisher.publish(
        Topics.messagingInbound,
        events.map((e) => ({ key: e.conversationId, type: 'parley.messaging.inbound.v1', id: e.eventId, data: e })),
      );
    const at = (minutes: number) => new Date(NOW.getTime() - 2 * HOUR + minutes * 60_000).toISOString();
    const people = ['a', 'b', 'c', 'd', 'e', 'f'];
    const traffic = people.flatMap((personId, i) => [
      inboundMessage({ channel: 'instagram', accountId: '3001', personId, occurredAt: at(i) }),
      inboundMessage({ channel: 'instagram', accountId: '3001', personId, occurredAt: at(i + 1), kind: 'echo' }),
    ]);
    const remaining = async (replica: ComplianceUnderTest) =>
      (await pacing(replica, 'instagram', '3001')).remainingVolume;
    const deny = 57_600;

    await publish(traffic);
    await eventually(
      () => remaining(replicas[0]),
      (left) => left === deny - traffic.length,
    );
    expect(await remaining(replicas[1])).toBe(deny - traffic.length);

    // The same records again, then one new message per conversation behind them on each partition.
    const behind = people.map((personId) =>
      inboundMessage({ channel: 'instagram', accountId: '3001', personId, occurredAt: at(30) }),
    );
    await publish(traffic);
    await publish(behind);
    await eventually(
      () => remaining(replicas[1]),
      (left) => left !== null && left <= deny - traffic.length - behind.length,
    );
    expect(await remaining(replicas[0])).toBe(deny - traffic.length - behind.length);
    // Two hours back: inside the volume window, out of the rate's.
    expect((await pacing(replicas[0], 'instagram', '3001')).budgetPerSecond).toBe(32);
  });

  it('purges the counters no reading looks at, and keeps the rest', async () => {
    const db = replicas[0].app.get(DataSource);
    await db.query(
      `INSERT INTO compliance.volume_per_hour (channel, account_id, bucket_start, messages)
       VALUES ('instagram', '3001', $1, 70000)`,
      [new Date(NOW.getTime() - 30 * HOUR)],
    );
    const before = await pacing(replicas[0], 'instagram', '3001');

    const purged = await replicas[1].app.get(RetentionJob).runOnce();

    // The Instagram echoes' seconds, two hours old, and the hour outside the window.
    expect(purged.volume).toBeGreaterThanOrEqual(7);
    expect(await pacing(replicas[0], 'instagram', '3001')).toEqual(before);
    expect((await pacing(replicas[0], 'messenger', '2001')).level).toBe('deny');
    const old: unknown[] = await db.query(`SELECT 1 FROM compliance.volume_per_hour WHERE bucket_start < $1`, [
      new Date(NOW.getTime() - 25 * HOUR),
    ]);
    expect(old).toEqual([]);
  });
});
