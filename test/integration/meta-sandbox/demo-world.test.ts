import { DEMO_SEED } from '../../../apps/meta-sandbox/src/common/sandbox-settings';
import { eventually, WebhookReceiver } from './support/receiver';
import { freshDatabase, SandboxUnderTest, startSandbox } from './support/sandbox';
import { GraphClient, http, Json } from './support/graph-client';

jest.setTimeout(30_000);

describe('the demo world of the local stack', () => {
  let sandbox: SandboxUnderTest;
  let receiver: WebhookReceiver;
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    database = await freshDatabase('sandbox_demo');
    receiver = await new WebhookReceiver().start();
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.stop();
    await database?.drop();
  });

  it('is seeded once at boot with fixed ids and tokens, and follows the configured callback after a restart', async () => {
    sandbox = await startSandbox({
      databaseUrl: database.url,
      demo: { ...DEMO_SEED, callbackUrl: 'http://127.0.0.1:9/unused' },
    });
    await sandbox.close();
    sandbox = await startSandbox({ databaseUrl: database.url, demo: { ...DEMO_SEED, callbackUrl: receiver.url } });
    const graph = new GraphClient(sandbox.url);

    const accounts = await graph.get<Json>('me/accounts', {
      access_token: 'EAAsandboxDemoUserToken0001',
      fields: 'id,name,access_token,instagram_business_account{id,username}',
    });
    expect(accounts.body.data).toEqual([
      {
        id: '100000000000001',
        name: 'Parley Demo Shop',
        access_token: 'EAAsandboxDemoPageToken0001',
        instagram_business_account: { id: '17841400000000001', username: 'parley.demo' },
      },
    ]);
    const ana = await http<Json>('GET', `${sandbox.url}/_sandbox/people/ana`);
    expect(ana.body.identities).toEqual(
      expect.arrayContaining([
        { channel: 'messenger', account: '100000000000001', scopedId: '7000000000000001' },
        { channel: 'instagram', account: '17841400000000001', scopedId: '8000000000000001' },
      ]),
    );
    expect((await http<Json>('GET', `${sandbox.url}/_sandbox/people/ben`)).status).toBe(200);

    await http('POST', `${sandbox.url}/_sandbox/people/ana/messages`, {
      account: '100000000000001',
      text: 'hello demo',
    });
    await eventually(() => receiver.received.length > 0);
    expect(receiver.received[0].headers['x-hub-signature-256']).toBeDefined();
  });
});
