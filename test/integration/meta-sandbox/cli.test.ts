import { runCli } from '../../../apps/meta-sandbox/src/cli';
import { eventually, WebhookReceiver } from './support/receiver';
import { freshDatabase, SandboxUnderTest, startSandbox } from './support/sandbox';
import { standardSeed, World } from './support/world';

jest.setTimeout(30_000);

describe('sandbox CLI against a running sandbox', () => {
  let sandbox: SandboxUnderTest;
  let receiver: WebhookReceiver;
  let drop: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    const db = await freshDatabase('sandbox_cli');
    drop = db.drop;
    receiver = await new WebhookReceiver().start();
    sandbox = await startSandbox({ databaseUrl: db.url });
    world = await World.create(sandbox.url, standardSeed(receiver.url));
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.stop();
    await drop?.();
  });

  const cli = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await runCli(argv, { META_SANDBOX_URL: sandbox.url }, (line) => lines.push(line));
    return { code, output: lines.join('\n') };
  };

  it('makes the person write, then shows what the business sent back', async () => {
    const said = await cli(
      'person-send',
      '--person',
      world.person().id,
      '--page',
      world.pageId,
      '--text',
      'hello from the CLI',
    );
    expect(said.code).toBe(0);
    await eventually(() =>
      receiver.items().some((i) => (i.message as { text?: string } | undefined)?.text === 'hello from the CLI'),
    );

    await world.sendText('hi back');
    const sent = await cli('sent', '--person', world.psid());
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.output).threads[0].messages[0]).toMatchObject({ text: 'hi back', direction: 'outbound' });
  });

  it('reports a refused action with exit code 1 and bad usage with 2', async () => {
    expect(
      (await cli('person-unsend', '--person', world.person().id, '--page', world.pageId, '--mid', 'nope')).code,
    ).toBe(1);
    expect((await cli('person-send')).code).toBe(2);
  });
});
