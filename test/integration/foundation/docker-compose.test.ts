import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { APP_NAMES, DEFAULT_PORTS } from '../../../libs/dev-stack/src/stack-plan';

const ROOT = path.resolve(__dirname, '../../..');

interface ComposeService {
  build?: { dockerfile: string; args?: { APP?: string } };
  environment?: Record<string, string | number>;
  ports?: string[];
  image?: string;
}

function sourceText(dir: string): string {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .map((file) =>
      statSync(file).isDirectory() ? sourceText(file) : file.endsWith('.ts') ? readFileSync(file, 'utf8') : '',
    )
    .join('\n');
}

/** There is no Docker engine here, so the compose file is checked against the code instead of run. */
describe('docker/compose.yaml', () => {
  const compose = parse(readFileSync(path.join(ROOT, 'docker/compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  // Shared libraries, not the local launcher (which names every variable it hands out).
  const libraries = readdirSync(path.join(ROOT, 'libs'))
    .filter((lib) => lib !== 'dev-stack')
    .map((lib) => sourceText(path.join(ROOT, 'libs', lib)))
    .join('\n');
  const codeOf = (app: string) => `${sourceText(path.join(ROOT, 'apps', app))}\n${libraries}`;

  it('runs PostgreSQL, a KRaft Kafka and every app', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['kafka', 'postgres', ...APP_NAMES].sort());
    expect(compose.services.kafka.image).toMatch(/^apache\/kafka:4\./);
    expect(compose.services.kafka.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
  });

  it.each(APP_NAMES)('builds %s from an app that exists, on its port', (app) => {
    const service = compose.services[app];
    expect(service.build?.args?.APP).toBe(app);
    expect(existsSync(path.join(ROOT, 'docker', path.basename(service.build!.dockerfile)))).toBe(true);
    expect(existsSync(path.join(ROOT, 'apps', app, 'src', 'main.ts'))).toBe(true);
    expect(Number(service.environment?.PORT)).toBe(DEFAULT_PORTS[app]);
    expect(service.ports).toEqual([`${DEFAULT_PORTS[app]}:${DEFAULT_PORTS[app]}`]);
  });

  it.each(APP_NAMES)('gives %s only variables the code reads', (app) => {
    const code = codeOf(app);
    for (const variable of Object.keys(compose.services[app].environment ?? {})) {
      expect({ variable, read: code.includes(variable) }).toEqual({ variable, read: true });
    }
  });

  it('points the apps at the compose PostgreSQL and Kafka', () => {
    for (const app of APP_NAMES) {
      expect(compose.services[app].environment?.DATABASE_URL).toContain('@postgres:5432/');
      if (app !== 'meta-sandbox') expect(compose.services[app].environment?.KAFKA_BROKERS).toBe('kafka:9092');
    }
  });
});
