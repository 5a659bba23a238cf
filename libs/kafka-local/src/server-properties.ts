import { randomBytes } from 'node:crypto';

export type KafkaTuning = 'dev' | 'test';

export interface ServerPropertiesInput {
  readonly host: string;
  readonly port: number;
  readonly controllerPort: number;
  readonly logDirs: string;
  readonly tuning: KafkaTuning;
  readonly overrides?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * One combined broker+controller node (KRaft, static quorum). Kafka's defaults assume three brokers:
 * without replication factor 1 for its internal topics `__consumer_offsets` is never created and
 * consumer groups wait forever for a coordinator.
 */
export function serverProperties(input: ServerPropertiesInput): Record<string, string> {
  const settings: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${input.host}:${input.controllerPort}`,
    listeners: `PLAINTEXT://${input.host}:${input.port},CONTROLLER://${input.host}:${input.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${input.host}:${input.port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': input.logDirs,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'auto.create.topics.enable': false,
    'group.initial.rebalance.delay.ms': input.tuning === 'test' ? 0 : 3000,
    // After a crash the controller refuses the restarted broker until the old session expires (9 s by default).
    'broker.session.timeout.ms': 3000,
    'broker.heartbeat.interval.ms': 500,
    ...input.overrides,
  };
  return Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)]));
}

/** Java properties text; backslashes are escaped so Windows-style paths survive. */
export function renderProperties(settings: Readonly<Record<string, string>>): string {
  return Object.entries(settings)
    .map(([key, value]) => `${key}=${value.replace(/\\/g, '\\\\')}`)
    .join('\n')
    .concat('\n');
}

/** Kafka's cluster id format: 16 random bytes, base64url without padding, never starting with '-' (the CLI would read it as a flag). */
export function newClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** The cluster id recorded by `kafka-storage format` in `meta.properties`. */
export function clusterIdFromMetaProperties(text: string): string | undefined {
  return /^cluster\.id=(.+)$/m.exec(text)?.[1].trim();
}
