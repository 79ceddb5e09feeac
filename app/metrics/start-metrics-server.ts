import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsHandler, type MetricsSource } from './serve-metrics.js';

export interface MetricsServer {
  port: number;
  /** The address it listens on. */
  host: string;
  close(): Promise<void>;
}

/**
 * `/healthz` and `/metrics` on their own port, for a process without Probot's server — a queue
 * worker (`KEY_HYGIENE_METRICS_PORT`). `host` defaults to loopback, not Node's every interface: what
 * `/metrics` says is for the operator's scraper (`KEY_HYGIENE_METRICS_HOST` names another); port 0 picks a free one.
 */
export async function startMetricsServer(
  port: number,
  source: MetricsSource,
  host = '127.0.0.1',
): Promise<MetricsServer> {
  const handle = metricsHandler(source);
  const server: Server = createServer((req, res) => {
    handle(req, res).then(
      (handled) => {
        if (!handled)
          res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Not Found' }));
      },
      () => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    host: (server.address() as AddressInfo).address,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
