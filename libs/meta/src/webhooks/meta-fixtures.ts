import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One recorded Meta delivery of the shared fixture corpus and what a lossless gateway must do with it. */
export interface MetaFixture {
  id: string;
  file: string;
  channel: 'messenger' | 'instagram';
  kinds: string[];
  /** The delivery bytes, exactly as stored (`.raw` files must be sent byte for byte). */
  bytes: Buffer;
  expect: {
    status: '2xx' | '4xx';
    messagingEvents: number;
    distinctEvents: number;
    conversations: string[];
  };
}

interface Manifest {
  deliveries: Omit<MetaFixture, 'bytes'>[];
}

/** Reads the fixture corpus (directory with manifest.json), for tests and benchmarks. */
export function loadMetaFixtures(directory: string): MetaFixture[] {
  const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as Manifest;
  return manifest.deliveries.map((delivery) => ({ ...delivery, bytes: readFileSync(join(directory, delivery.file)) }));
}
