import { createHash } from 'node:crypto';

/** Namespace of every id Parley derives from Meta's data (RFC 9562 name-based UUID, version 5). */
const PARLEY_NAMESPACE = Buffer.from('6f1c1b7e2a4d5c3f9e8b7a6d5c4b3a29', 'hex');

/**
 * A name-based UUID (version 5): the same name always gives the same id, so a redelivered Meta
 * webhook yields the same CloudEvents `ce_id` and consumers can drop the duplicate.
 */
export function deterministicEventId(name: string): string {
  const hash = createHash('sha1').update(PARLEY_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
