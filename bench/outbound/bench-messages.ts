import { randomUUID } from 'node:crypto';
import { LOCAL_META_APP } from '@app/dev-stack';
import { appsecretProof } from '@app/meta';
import { undiciClients } from '../support/http-clients';
import { LoadClientFactory } from '../support/load-generator';
import { BenchConversation, BenchWorld } from './bench-world';

export const GRAPH_VERSION = 'v25.0';

const text = (n: number) => `Your order #${n} ships tomorrow; we will send the tracking link as soon as we have it.`;

/** (a) The ceiling: the Send API call outbound makes for message n, straight to the sandbox. */
export function directSends(sandbox: string, world: BenchWorld): LoadClientFactory {
  const proofs = new Map(
    Object.entries(world.pageTokens).map(([page, token]) => [page, appsecretProof(LOCAL_META_APP.appSecret, token)]),
  );
  return undiciClients({
    origin: sandbox,
    okStatus: 200,
    request: (n) => {
      const { pageId, psid } = conversationOf(world, n);
      const query = new URLSearchParams({
        access_token: world.pageTokens[pageId],
        appsecret_proof: proofs.get(pageId)!,
      });
      return {
        path: `/${GRAPH_VERSION}/${pageId}/messages?${query}`,
        headers: { 'content-type': 'application/json' },
        // The body outbound builds for a text message: its own id travels in metadata.
        body: JSON.stringify({
          recipient: { id: psid },
          messaging_type: 'RESPONSE',
          message: { text: text(n), metadata: `parley:${randomUUID()}` },
        }),
      };
    },
  });
}

/** (b) The CRM's request for message n to outbound; collects the ids of the accepted messages. */
export function crmSends(outbound: string, world: BenchWorld, accepted: string[]): LoadClientFactory {
  return undiciClients({
    origin: outbound,
    okStatus: 202,
    request: (n) => {
      const { pageId, psid } = conversationOf(world, n);
      return {
        path: '/v1/messages',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${world.jwt}`,
          'idempotency-key': `bench-${n}`,
        },
        body: JSON.stringify({
          channel: 'messenger',
          accountId: pageId,
          recipientId: psid,
          message: { text: text(n) },
        }),
      };
    },
    answered: (_, body) => accepted.push((JSON.parse(body) as { id: string }).id),
  });
}

function conversationOf(world: BenchWorld, n: number): BenchConversation {
  return world.conversations[n % world.conversations.length];
}
