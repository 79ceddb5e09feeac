import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import { redisHealth } from './redis-health.js';
import type { AppMetrics } from './app-metrics.js';

/** What the two endpoints read. */
export interface MetricsSource {
  metrics: AppMetrics;
  /** The app's Redis connection when `REDIS_URL` is set. */
  redis?: Redis | undefined;
}

/**
 * `GET /healthz` → 200 `{ status: 'ok', uptime, redis: 'ok' | 'absent' }`, or 503 with
 * `status: 'degraded', redis: 'down'` when Redis is configured but does not answer (the processes
 * would no longer share caches and pacers); `GET /metrics` → Prometheus's text format. Any other
 * path is not ours: false, so Probot's next handler answers it (a Probot `Handler`, for `addHandler`).
 */
export function metricsHandler(source: MetricsSource): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path === '/healthz') {
      const redis = await redisHealth(source.redis);
      const body = JSON.stringify({
        status: redis === 'down' ? 'degraded' : 'ok',
        uptime: Math.round(process.uptime()),
        redis,
      });
      res
        .writeHead(redis === 'down' ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(body);
      return true;
    }
    if (path === '/metrics') {
      const text = await source.metrics.text();
      res.writeHead(200, { 'content-type': source.metrics.contentType, 'cache-control': 'no-store' }).end(text);
      return true;
    }
    return false;
  };
}
