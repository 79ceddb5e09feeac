import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One delivery as the receiver got it: the headers and the raw body (what a signature covers). */
export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  /** Where to deliver: `http://127.0.0.1:<port>/api/github/webhooks`. */
  url: string;
  /** Every delivery so far, oldest first; empty it with `received.length = 0`. */
  received: ReceivedDelivery[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that keeps every webhook delivered to it and answers `status`. */
export async function startWebhookReceiver(status = 200): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  return { url, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
