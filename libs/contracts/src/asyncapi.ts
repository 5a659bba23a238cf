import { stringify } from 'yaml';
import { COMMON_HEADERS, TOPIC_CONTRACTS, TopicContract } from './schema-registry';
import { Topics, TopicName, deadLetterTopic } from './topics';

type Doc = Record<string, unknown>;

function headersSchema(contract: TopicContract | undefined): Doc {
  const all = { ...COMMON_HEADERS, ...(contract?.extraHeaders ?? {}) };
  return {
    type: 'object',
    required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'content-type'],
    properties: Object.fromEntries(
      Object.entries(all).map(([name, description]) => [name, { type: 'string', description }]),
    ),
  };
}

function stripMeta(schema: Record<string, unknown>): Doc {
  const { $schema: _schema, ...rest } = schema;
  return rest;
}

function message(topic: TopicName, contract: TopicContract | undefined): Doc {
  return {
    name: topic,
    title: contract ? contract.ceType : topic,
    summary: contract?.summary ?? 'Payload schema not registered yet.',
    contentType: 'application/json',
    headers: headersSchema(contract),
    payload: contract?.schema ? stripMeta(contract.schema) : { description: 'Payload schema not registered yet.' },
    bindings: {
      kafka: {
        key: { type: 'string', description: contract?.key ?? 'See the producing service.' },
        bindingVersion: '0.5.0',
      },
    },
  };
}

/**
 * The AsyncAPI 3.0 document of every topic in the registry. `asyncapi.yaml` at the top level is this
 * document; the contracts spec fails when they differ.
 */
export function buildAsyncApiDocument(): Doc {
  const channels: Doc = {};
  const messages: Doc = {};
  for (const [id, topic] of Object.entries(Topics) as [string, TopicName][]) {
    const contract = TOPIC_CONTRACTS[topic];
    messages[id] = message(topic, contract);
    channels[id] = {
      address: topic,
      title: topic,
      description: [
        contract?.summary ?? 'Payload schema not registered yet.',
        contract
          ? `Produced by ${contract.producers.join(', ') || '-'}; consumed by ${contract.consumers.join(', ') || '-'}.`
          : '',
        `Dead letters: ${deadLetterTopic(topic)}.`,
      ]
        .filter(Boolean)
        .join(' '),
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      bindings: { kafka: { topic, bindingVersion: '0.5.0' } },
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Parley events',
      version: '1.0.0',
      description:
        'Kafka topics of Parley. Values are JSON; headers follow CloudEvents binary mode. A breaking change is a new topic version.',
    },
    defaultContentType: 'application/json',
    channels,
    components: { messages },
  };
}

export const ASYNCAPI_HEADER =
  '# Generated from libs/contracts (schema-registry.ts). Regenerate: npm run build && node dist/libs/contracts/src/asyncapi-cli.js\n';

/** The text of `asyncapi.yaml`. */
export function renderAsyncApiYaml(): string {
  return ASYNCAPI_HEADER + stringify(buildAsyncApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false });
}
