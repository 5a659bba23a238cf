import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { JsonObject } from '../send/send-request';

/** One Graph API request as the services see it: Graph merges query and body parameters. */
export interface GraphCall {
  params: JsonObject;
  accessToken: string | undefined;
  appsecretProof: string | undefined;
  /** The full request URL, for paging links. */
  url: URL;
  /** Headers to add to the response whatever the outcome (usage headers). */
  responseHeaders: Record<string, string>;
}

const GRAPH_CALL = Symbol('graphCall');
type RequestWithCall = Request & { [GRAPH_CALL]?: GraphCall };

export function graphCallOf(req: Request): GraphCall {
  const r = req as RequestWithCall;
  if (r[GRAPH_CALL]) return r[GRAPH_CALL];
  const body: unknown = req.body;
  const params: JsonObject = { ...(req.query as JsonObject), ...(isObject(body) ? body : {}) };
  const header = req.headers.authorization;
  const fromHeader = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header)?.[1] : undefined;
  const fromParams = typeof params.access_token === 'string' ? params.access_token : undefined;
  const call: GraphCall = {
    params,
    accessToken: fromParams ?? fromHeader,
    appsecretProof: typeof params.appsecret_proof === 'string' ? params.appsecret_proof : undefined,
    url: new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`),
    responseHeaders: {},
  };
  r[GRAPH_CALL] = call;
  return call;
}

/** Injects the {@link GraphCall} of the current request. */
export const Graph = createParamDecorator((_data: unknown, ctx: ExecutionContext): GraphCall =>
  graphCallOf(ctx.switchToHttp().getRequest<Request>()),
);

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
}
