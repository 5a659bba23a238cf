import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

// The ceiling: a bare Node http server that only checks the HMAC of the raw body and parses the JSON.
// Run as a child process (argv: port secret) so the load generator does not share its event loop.
const [port, secret] = process.argv.slice(2);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const header = String(req.headers['x-hub-signature-256'] ?? '');
    const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
    const given = Buffer.from(header);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(403).end();
      return;
    }
    try {
      JSON.parse(body.toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('EVENT_RECEIVED');
  });
});

server.keepAliveTimeout = 30_000;
server.listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
