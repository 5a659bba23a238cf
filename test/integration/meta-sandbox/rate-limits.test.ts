import { Json, num } from './support/graph-client';
import { expectMetaError } from './support/meta-error';
import { freshDatabase, SandboxUnderTest, startSandbox } from './support/sandbox';
import { standardSeed, World } from './support/world';

jest.setTimeout(30_000);

const MINUTE = 60_000;
const roomy = { limit: 10_000, windowMs: MINUTE };

describe('rate limits with exact counts inside a window (meta-platform.md §7)', () => {
  let sandbox: SandboxUnderTest;
  let drop: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    const db = await freshDatabase('sandbox_limits');
    drop = db.drop;
    sandbox = await startSandbox({ databaseUrl: db.url });
  });

  beforeEach(async () => {
    world = await World.create(sandbox.url, standardSeed(undefined));
    await world.says('hi');
    await world.says('oi', world.igId);
  });

  afterEach(() => {
    sandbox.clock.offsetMs = 0;
  });

  afterAll(async () => {
    await sandbox?.close();
    await drop?.();
  });

  const limits = (overrides: Record<string, unknown>) =>
    world.sandbox('PUT', 'limits', {
      app: roomy,
      messengerSend: roomy,
      messengerSendMedia: roomy,
      instagramSend: roomy,
      instagramSendMedia: roomy,
      conversations: roomy,
      businessUseCase: roomy,
      ...overrides,
    });

  const sendAudio = () =>
    world.graph.post(
      'me/messages',
      {
        recipient: { id: world.psid() },
        messaging_type: 'RESPONSE',
        message: { attachment: { type: 'audio', payload: { url: 'https://cdn.example/a.mp3' } } },
      },
      { access_token: world.pageToken() },
    );

  it('allows exactly N Messenger sends per Page in the window, then 613, then again after the window', async () => {
    await limits({ messengerSend: { limit: 3, windowMs: MINUTE } });

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await world.sendText(`m${i}`)).status);
    const refused = await world.sendText('one too many');

    expect(statuses).toEqual([200, 200, 200]);
    expectMetaError(refused, {
      status: 400,
      code: 613,
      message: '(#613) Calls to this API have exceeded the rate limit.',
    });
    expect((refused.body as unknown as { error: { is_transient: boolean } }).error.is_transient).toBe(true);
    expect((await world.sendText('still refused')).status).toBe(400);
    sandbox.clock.advance(MINUTE);
    expect((await world.sendText('new window')).status).toBe(200);
  });

  it('counts audio and video separately from text', async () => {
    await limits({ messengerSend: { limit: 1, windowMs: MINUTE }, messengerSendMedia: { limit: 2, windowMs: MINUTE } });

    expect((await sendAudio()).status).toBe(200);
    expect((await sendAudio()).status).toBe(200);
    expectMetaError(await sendAudio(), { status: 400, code: 613 });
    expect((await world.sendText('text still fine')).status).toBe(200);
  });

  it('limits Instagram sends per account with 613/2534040', async () => {
    await limits({ instagramSend: { limit: 2, windowMs: MINUTE } });
    const ig = () => world.sendText('x', world.igsid(), `${world.igId}/messages`);

    expect([(await ig()).status, (await ig()).status]).toEqual([200, 200]);
    expectMetaError(await ig(), { status: 400, code: 613, subcode: 2534040 });
    expect((await world.sendText('Messenger unaffected')).status).toBe(200);
  });

  it('reports app usage in X-App-Usage and refuses with code 4 past the app limit', async () => {
    await limits({ app: { limit: 4, windowMs: MINUTE } });
    const usage = [];
    for (let i = 0; i < 4; i++) {
      const answer = await world.graph.get(world.pageId, { access_token: world.pageToken() });
      usage.push(JSON.parse(answer.headers.get('x-app-usage') ?? '{}') as Json);
    }
    const refused = await world.graph.get(world.pageId, { access_token: world.pageToken() });

    expect(usage.map((u) => num(u.call_count))).toEqual([25, 50, 75, 100]);
    expect(Object.keys(usage[0])).toEqual(['call_count', 'total_cputime', 'total_time']);
    expectMetaError(refused, { status: 400, code: 4, message: '(#4) Application request limit reached' });
    expect(JSON.parse(refused.headers.get('x-app-usage') ?? '{}')).toMatchObject({ call_count: 100 });
  });

  it('applies the Business Use Case limit per engaged user: 80006 on Messenger, 80002 on Instagram, with usage headers', async () => {
    // One person has a PSID on the Page and one an IGSID on the account: one engaged user each.
    await limits({ businessUseCase: { limit: 2, windowMs: MINUTE } });

    const first = await world.sendText('1');
    await world.sendText('2');
    const refused = await world.sendText('3');

    expect(JSON.parse(first.headers.get('x-business-use-case-usage') ?? '{}')).toEqual({
      [world.pageId]: [
        { type: 'messenger', call_count: 50, total_cputime: 50, total_time: 50, estimated_time_to_regain_access: 0 },
      ],
    });
    expectMetaError(refused, { status: 400, code: 80006 });
    expect(JSON.parse(refused.headers.get('x-business-use-case-usage') ?? '{}')[world.pageId][0]).toMatchObject({
      call_count: 100,
      estimated_time_to_regain_access: 1,
    });

    const ig = () => world.sendText('x', world.igsid(), `${world.igId}/messages`);
    await ig();
    await ig();
    expectMetaError(await ig(), { status: 400, code: 80002 });
  });

  it('allows exactly two Conversations API calls per account in the window', async () => {
    // Meta's figure is 2 per second; a minute-long window keeps the count exact on a slow machine.
    await limits({ conversations: { limit: 2, windowMs: MINUTE } });
    const list = () => world.graph.get(`${world.pageId}/conversations`, { access_token: world.pageToken() });

    expect([(await list()).status, (await list()).status]).toEqual([200, 200]);
    expectMetaError(await list(), { status: 400, code: 613 });
    sandbox.clock.advance(MINUTE);
    expect((await list()).status).toBe(200);
  });
});
