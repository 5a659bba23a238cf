/**
 * Every Kafka topic Parley produces or consumes. A breaking change to a topic's schema is a new
 * versioned name, never an edit. Keys: conversation id for messaging, account id for requests and connections.
 */
export const Topics = {
  webhookReceived: 'meta.webhook.received.v1',
  messagingInbound: 'messaging.inbound.v1',
  metaCallbackReceived: 'meta.callback.received.v1',
  outboundRequest: 'messaging.outbound.request.v1',
  outboundStatus: 'messaging.outbound.status.v1',
  tokensConnection: 'tokens.connection.v1',
  complianceDecision: 'compliance.decision.v1',
  privacyErasure: 'privacy.erasure.v1',
  privacyErasureProgress: 'privacy.erasure.progress.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Dead letters of a topic go to `<topic>.dlq`, with the reason and original coordinates in headers. */
export function deadLetterTopic(topic: TopicName): string {
  return `${topic}.dlq`;
}
