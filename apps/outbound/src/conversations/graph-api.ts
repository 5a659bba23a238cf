import { DomainError } from '@app/errors';
import { GraphParams, MetaGraphClient, MetaGraphError } from '@app/meta';
import { AccountAccess } from '../accounts/page-tokens';
import { GraphSettings } from '../sending/send-api';

/** Graph calls with a Page's token besides sending (Conversations API, user profiles, thread control). */
export abstract class GraphApi {
  abstract get<T>(access: AccountAccess, path: string, params: GraphParams): Promise<T>;
  abstract post<T>(access: AccountAccess, path: string, body: Record<string, unknown>): Promise<T>;
}

export class MetaGraphApi extends GraphApi {
  private readonly client: MetaGraphClient;

  constructor(settings: GraphSettings) {
    super();
    this.client = new MetaGraphClient(settings);
  }

  get<T>(access: AccountAccess, path: string, params: GraphParams): Promise<T> {
    return this.call(() => this.client.get<T>(path, { token: access.accessToken, params }));
  }

  post<T>(access: AccountAccess, path: string, body: Record<string, unknown>): Promise<T> {
    return this.call(() => this.client.post<T>(path, { token: access.accessToken, body }));
  }

  private async call<T>(request: () => Promise<{ data: T }>): Promise<T> {
    try {
      return (await request()).data;
    } catch (error) {
      if (!(error instanceof MetaGraphError)) throw error;
      throw new DomainError('upstream_failed', `Meta refused the call: ${error.message}`, {
        metaCode: error.code,
        metaSubcode: error.subcode ?? null,
      });
    }
  }
}
