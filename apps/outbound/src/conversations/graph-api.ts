import { DomainError } from '@app/errors';
import { GraphParams, MetaGraphClient, MetaGraphError } from '@app/meta';
import { AccountAccess } from '../accounts/page-tokens';
import { GraphSettings } from '../sending/send-api';

/** Graph reads with a Page's token (Conversations API, user profiles). */
export abstract class GraphReads {
  abstract get<T>(access: AccountAccess, path: string, params: GraphParams): Promise<T>;
}

export class MetaGraphReads extends GraphReads {
  private readonly client: MetaGraphClient;

  constructor(settings: GraphSettings) {
    super();
    this.client = new MetaGraphClient(settings);
  }

  async get<T>(access: AccountAccess, path: string, params: GraphParams): Promise<T> {
    try {
      return (await this.client.get<T>(path, { token: access.accessToken, params })).data;
    } catch (error) {
      if (!(error instanceof MetaGraphError)) throw error;
      throw new DomainError('upstream_failed', `Meta refused the read: ${error.message}`, {
        metaCode: error.code,
        metaSubcode: error.subcode ?? null,
      });
    }
  }
}
