import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoOptions } from './logging';

describe(pinoOptions.name, () => {
  function logLine(fields: Record<string, unknown>): Record<string, unknown> {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    pino(pinoOptions({ service: 'gateway', level: 'info' }), sink).info(fields, 'Delivery published');
    return JSON.parse(lines[0]) as Record<string, unknown>;
  }

  it('writes one JSON object with a constant message, the level name and the service', () => {
    expect(logLine({ pageId: '1122' })).toMatchObject({
      msg: 'Delivery published',
      level: 'info',
      service: 'gateway',
      pageId: '1122',
    });
  });

  it.each([
    [{ access_token: 'EAAGsecret' }],
    [{ page: { accessToken: 'EAAGsecret' } }],
    [{ event: { message: { text: 'EAAGsecret' } } }],
    [{ req: { headers: { authorization: 'Bearer EAAGsecret', 'x-hub-signature-256': 'sha256=EAAGsecret' } } }],
    [{ client: { client_secret: 'EAAGsecret' } }],
  ])('censors secrets and message text in %j', (fields) => {
    const line = JSON.stringify(logLine(fields));
    expect(line).not.toContain('EAAGsecret');
    expect(line).toContain('[redacted]');
  });
});
