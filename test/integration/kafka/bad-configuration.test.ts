import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findProjectRoot, freePort, LocalKafkaError, startLocalKafka } from '@app/kafka-local';

jest.setTimeout(60_000);

/** Each misconfiguration ends in one clear line that says what to do, never a hang. */
describe('starting the local Kafka with bad configuration', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-it-kafka-bad-'));
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  async function failure(start: Promise<unknown>): Promise<LocalKafkaError> {
    const error = await start.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(LocalKafkaError);
    const typed = error as LocalKafkaError;
    expect(typed.message).not.toContain('\n');
    return typed;
  }

  it('names a busy port and the ways out', async () => {
    const port = await freePort();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const sut = await failure(startLocalKafka({ dataDir: path.join(scratch, 'busy'), port }));
      expect(sut.code).toBe('PORT_BUSY');
      expect(sut.message).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(sut.message).toContain('KAFKA_BROKERS');
    } finally {
      squatter.close();
    }
  });

  it('names missing Java, what to install and the alternatives', async () => {
    const sut = await failure(
      startLocalKafka({ dataDir: path.join(scratch, 'nojava'), port: 0, javaCommand: path.join(scratch, 'no-java') }),
    );
    expect(sut.code).toBe('JAVA_MISSING');
    expect(sut.message).toMatch(/^Java 17\+ is needed .* install a JDK 17\+ .* KAFKA_BROKERS .* docker\/compose$/);
  });

  it('names an unwritable data dir', async () => {
    const file = path.join(scratch, 'a-file');
    writeFileSync(file, '');
    const sut = await failure(startLocalKafka({ dataDir: path.join(file, 'kafka'), port: 0 }));
    expect(sut.code).toBe('DATA_DIR_UNWRITABLE');
    expect(sut.message).toContain(`Kafka data dir ${path.join(file, 'kafka')} is not writable (ENOTDIR)`);
  });

  it("reports the end of Kafka's own output when Kafka rejects its configuration", async () => {
    const error = await startLocalKafka({
      dataDir: path.join(scratch, 'broken'),
      port: 0,
      overrides: { 'num.network.threads': 'many' },
    }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(LocalKafkaError);
    const sut = error as LocalKafkaError;
    expect(sut.code).toBe('FORMAT_FAILED');
    const [headline, ...tail] = sut.message.split('\n');
    expect(headline).toMatch(/^Formatting Kafka storage in .* failed \(exit 1\); last lines of .*console\.log:$/);
    expect(tail.join('\n')).toContain('num.network.threads');
  });

  it('names missing Maven when the server still has to be fetched', async () => {
    const checkout = path.join(scratch, 'checkout');
    mkdirSync(path.join(checkout, 'tools', 'kafka'), { recursive: true });
    for (const file of ['pom.xml', 'log4j2.properties']) {
      copyFileSync(path.join(findProjectRoot(), 'tools', 'kafka', file), path.join(checkout, 'tools', 'kafka', file));
    }
    const sut = await failure(
      startLocalKafka({
        dataDir: path.join(scratch, 'nomaven'),
        port: 0,
        projectRoot: checkout,
        mvnCommand: path.join(scratch, 'no-mvn'),
      }),
    );
    expect(sut.code).toBe('MAVEN_MISSING');
    expect(sut.message).toContain('install Maven');
    expect(sut.message).toContain('KAFKA_BROKERS');
  });
});
