import type { SeedResult } from '../../../../apps/meta-sandbox/src/seed/seed.service';
import type { SeedDto } from '../../../../apps/meta-sandbox/src/seed/dto/seed.dto';
import { GraphClient, http, HttpAnswer } from './graph-client';

export type { SeedResult };

/** One app, one Page with an Instagram account, one admin with every task and permission, and the given people. */
export function standardSeed(callbackUrl: string | undefined, overrides: Partial<SeedDto> = {}): SeedDto {
  return {
    app: { key: 'app', callbackUrl },
    pages: [{ key: 'page', name: 'Acme', instagram: { username: 'acme' } }],
    people: [{ key: 'ana', name: 'Ana Souza', username: 'ana.souza' }],
    admins: [{ key: 'admin', name: 'Dana Admin' }],
    ...overrides,
  };
}

/** A seeded world with shortcuts to its ids and tokens. */
export class World {
  readonly graph: GraphClient;

  constructor(
    readonly sandboxUrl: string,
    readonly seed: SeedResult,
  ) {
    this.graph = new GraphClient(sandboxUrl);
  }

  static async create(sandboxUrl: string, dto: SeedDto): Promise<World> {
    const answer = await http<SeedResult>('POST', `${sandboxUrl}/_sandbox/seed`, dto);
    if (answer.status !== 201) throw new Error(`seed failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return new World(sandboxUrl, answer.body);
  }

  get app() {
    return this.seed.apps[0];
  }

  get pageId(): string {
    return this.seed.pages[0].id;
  }

  get igId(): string {
    const ig = this.seed.pages[0].instagram;
    if (!ig) throw new Error('no Instagram account seeded');
    return ig.id;
  }

  person(key = 'ana') {
    const p = this.seed.people.find((x) => x.key === key);
    if (!p) throw new Error(`no person ${key}`);
    return p;
  }

  psid(key = 'ana'): string {
    return this.person(key).psids[this.pageId];
  }

  igsid(key = 'ana'): string {
    return this.person(key).igsids[this.igId];
  }

  tokens(adminKey = 'admin', appIndex = 0) {
    const admin = this.seed.admins.find((a) => a.key === adminKey);
    if (!admin) throw new Error(`no admin ${adminKey}`);
    return admin.tokens[appIndex];
  }

  pageToken(adminKey = 'admin', appIndex = 0): string {
    return this.tokens(adminKey, appIndex).pageTokens[this.pageId];
  }

  userToken(adminKey = 'admin', appIndex = 0): string {
    return this.tokens(adminKey, appIndex).userToken;
  }

  /** The person does something (`messages`, `postbacks`, `reactions`, …) on the Page or the Instagram account. */
  act<T = Record<string, unknown>>(
    action: string,
    body: Record<string, unknown>,
    personKey = 'ana',
  ): Promise<HttpAnswer<T>> {
    return http<T>('POST', `${this.sandboxUrl}/_sandbox/people/${this.person(personKey).id}/${action}`, body);
  }

  says(text: string, account = this.pageId, personKey = 'ana', extra: Record<string, unknown> = {}) {
    return this.act<{ mid: string }>('messages', { account, text, ...extra }, personKey);
  }

  sendText(text: string, recipient = this.psid(), path = 'me/messages', token = this.pageToken()) {
    return this.graph.post<{ recipient_id: string; message_id: string }>(
      path,
      { recipient: { id: recipient }, messaging_type: 'RESPONSE', message: { text } },
      { access_token: token },
    );
  }

  sandbox<T = Record<string, unknown>>(method: string, path: string, body?: unknown) {
    return http<T>(method, `${this.sandboxUrl}/_sandbox/${path.replace(/^\//, '')}`, body);
  }
}
