import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { buildAsyncApiDocument, renderAsyncApiYaml } from './asyncapi';
import { TOPIC_CONTRACTS } from './schema-registry';
import { Topics } from './topics';

const committed = readFileSync(resolve(__dirname, '../../..', 'asyncapi.yaml'), 'utf8');

describe(buildAsyncApiDocument.name, () => {
  const sut = buildAsyncApiDocument();

  it('matches the committed asyncapi.yaml (regenerate it when this fails)', () => {
    expect(parse(committed)).toEqual(sut);
    expect(committed).toBe(renderAsyncApiYaml());
  });

  it('documents every topic of the registry as a channel', () => {
    const channels = sut.channels as Record<string, { address: string }>;
    expect(
      Object.values(channels)
        .map((c) => c.address)
        .sort(),
    ).toEqual(Object.values(Topics).sort());
  });

  it("carries each registered topic's schema, key and headers", () => {
    const messages = (sut.components as { messages: Record<string, Record<string, unknown>> }).messages;
    for (const [id, topic] of Object.entries(Topics)) {
      const contract = TOPIC_CONTRACTS[topic];
      if (!contract?.schema) continue;
      const { $schema: _ignored, ...payload } = contract.schema;
      expect(messages[id].payload).toEqual(payload);
      expect(messages[id].bindings).toMatchObject({ kafka: { key: { description: contract.key } } });
      const headers = (messages[id].headers as { properties: Record<string, unknown> }).properties;
      expect(Object.keys(headers)).toEqual(expect.arrayContaining(['ce_id', 'ce_type', 'x-correlation-id']));
    }
  });
});
