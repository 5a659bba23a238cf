import { timingSafeEqual } from 'node:crypto';

export type HandshakeQuery = Readonly<Record<string, unknown>>;

function equalInConstantTime(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Meta's verification handshake: `hub.mode=subscribe` with our verify token gets `hub.challenge`
 * echoed back; anything else is refused (null → 403). The query may arrive flat (`hub.mode`) or,
 * with Express's extended query parser, nested (`hub: { mode }`).
 */
export function answerHandshake(query: HandshakeQuery, verifyToken: string): string | null {
  const hub = typeof query.hub === 'object' && query.hub !== null ? (query.hub as Record<string, unknown>) : {};
  const mode = query['hub.mode'] ?? hub.mode;
  const token = query['hub.verify_token'] ?? hub.verify_token;
  const challenge = query['hub.challenge'] ?? hub.challenge;
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string') return null;
  if (verifyToken === '' || challenge === '' || !equalInConstantTime(token, verifyToken)) return null;
  return challenge;
}
