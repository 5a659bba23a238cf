import { OutboundFailure } from '@app/contracts';
import { MetaGraphClient, MetaGraphError, TRANSPORT_ERROR_CODE } from '@app/meta';
import { AccountAccess } from '../accounts/page-tokens';
import {
  classifyMetaError,
  classifyTransportFailure,
  SendFailureClass,
  TransportFailure,
} from './meta-error-classification';
import { NO_USAGE, readUsageHeaders, UsageReading } from './usage-headers';

export type SendOutcome =
  | { readonly ok: true; readonly metaMessageId: string | null; readonly usage: UsageReading }
  | {
      readonly ok: false;
      readonly failure: SendFailureClass;
      readonly error: OutboundFailure;
      readonly usage: UsageReading;
    };

/** One Send API call with a Page's token. */
export abstract class SendApi {
  abstract send(access: AccountAccess, body: Record<string, unknown>): Promise<SendOutcome>;
  /** The Attachment Upload API: an attachment Meta keeps for reuse by this Page (JSON by URL, or multipart with the file). */
  abstract upload(access: AccountAccess, body: Record<string, unknown> | FormData): Promise<UploadOutcome>;
}

export type UploadOutcome =
  { readonly ok: true; readonly attachmentId: string } | { readonly ok: false; readonly error: OutboundFailure };

export interface GraphSettings {
  graphUrl: string;
  version: string;
  appId: string;
  appSecret: string;
  timeoutMs: number;
}

// Failures of these kinds happen before a byte of the request left: Meta cannot have sent anything.
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code;
}

/** The Send API through the Graph client; learns from each answer's usage headers, errors included. */
export class GraphSendApi extends SendApi {
  constructor(private readonly settings: GraphSettings) {
    super();
  }

  async upload(access: AccountAccess, body: Record<string, unknown> | FormData): Promise<UploadOutcome> {
    const outcome = await this.call<{ attachment_id?: string }>(access, 'message_attachments', body);
    if (!outcome.ok) return outcome;
    const attachmentId = outcome.data.attachment_id;
    return attachmentId
      ? { ok: true, attachmentId }
      : {
          ok: false,
          error: {
            reason: 'unknown_error',
            detail: 'Meta gave no attachment_id',
            metaCode: null,
            metaSubcode: null,
            fbtraceId: null,
          },
        };
  }

  async send(access: AccountAccess, body: Record<string, unknown>): Promise<SendOutcome> {
    const outcome = await this.call<{ message_id?: string }>(access, 'messages', body);
    return outcome.ok ? { ok: true, metaMessageId: outcome.data.message_id ?? null, usage: outcome.usage } : outcome;
  }

  private async call<T>(
    access: AccountAccess,
    edge: string,
    body: Record<string, unknown> | FormData,
  ): Promise<
    | { ok: true; data: T; usage: UsageReading }
    | { ok: false; failure: SendFailureClass; error: OutboundFailure; usage: UsageReading }
  > {
    const seen: { headers?: Headers; transport?: TransportFailure } = {};
    const client = new MetaGraphClient(
      {
        graphUrl: this.settings.graphUrl,
        version: this.settings.version,
        appId: this.settings.appId,
        appSecret: this.settings.appSecret,
        timeoutMs: this.settings.timeoutMs,
      },
      async (url, init) => {
        try {
          const response = await fetch(url, init);
          seen.headers = response.headers;
          return response;
        } catch (error) {
          seen.transport = NOT_CONNECTED.has(causeCode(error) ?? '') ? { kind: 'not-sent' } : { kind: 'no-answer' };
          throw error;
        }
      },
    );
    const usage = () =>
      seen.headers ? readUsageHeaders((name) => seen.headers?.get(name), access.accountId) : NO_USAGE;
    try {
      const answer = await client.post<T>(`${access.pageId}/${edge}`, { token: access.accessToken, body });
      return { ok: true, data: answer.data, usage: usage() };
    } catch (error) {
      if (!(error instanceof MetaGraphError)) throw error;
      const failure =
        error.code !== TRANSPORT_ERROR_CODE
          ? classifyMetaError({ code: error.code, subcode: error.subcode, isTransient: error.details.isTransient })
          : classifyTransportFailure(seen.transport ?? { kind: 'http', status: error.status });
      return {
        ok: false,
        failure,
        usage: usage(),
        error: {
          reason: failure.reason,
          detail: error.message,
          metaCode: error.code === TRANSPORT_ERROR_CODE ? null : error.code,
          metaSubcode: error.subcode ?? null,
          fbtraceId: error.details.fbtraceId ?? null,
        },
      };
    }
  }
}
