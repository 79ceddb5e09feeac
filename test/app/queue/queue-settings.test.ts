import { describe, expect, it } from 'vitest';
import { defaultQueueSettings, readQueueSettings } from '../../../app/queue/queue-settings.js';
import { readSettings } from '../../../app/settings.js';

describe('readQueueSettings', () => {
  it('is absent without REDIS_URL: one process, in memory, as before', () => {
    expect(readQueueSettings({})).toBeUndefined();
    expect(readSettings({}).queue).toBeUndefined();
  });

  it('reads REDIS_URL, the concurrency, retention, attempts, backoff, lock and stalled check', () => {
    expect(readQueueSettings({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      ...defaultQueueSettings,
    });
    const env = {
      REDIS_URL: 'rediss://cache.internal:6380/2',
      KEY_HYGIENE_WORKER_CONCURRENCY: '8',
      KEY_HYGIENE_RUN_RETENTION: '2d',
      KEY_HYGIENE_JOB_ATTEMPTS: '5',
      KEY_HYGIENE_JOB_BACKOFF: '10s',
      KEY_HYGIENE_JOB_LOCK: '1m',
      KEY_HYGIENE_STALLED_CHECK: '500ms',
    };
    expect(readSettings(env).queue).toEqual({
      redisUrl: env.REDIS_URL,
      concurrency: 8,
      retentionMs: 172_800_000,
      attempts: 5,
      backoffMs: 10_000,
      lockMs: 60_000,
      stalledCheckMs: 500,
    });
  });

  it('refuses a bad value in one line that quotes it — but never the URL, which may hold a password', () => {
    // A placeholder password the error must not quote; the self-scan is right to see a password in it.
    expect(() => readQueueSettings({ REDIS_URL: 'http://user:hunter2@redis' })); // key-hygiene:allow.toThrow(/^REDIS_URL is not a redis:\/\/ or rediss:\/\/ URL$/);
    expect(() => readQueueSettings({ REDIS_URL: 'redis://x', KEY_HYGIENE_WORKER_CONCURRENCY: '0' })).toThrow(
      'KEY_HYGIENE_WORKER_CONCURRENCY is "0": expected a whole number of at least 1',
    );
    expect(() => readQueueSettings({ REDIS_URL: 'redis://x', KEY_HYGIENE_JOB_BACKOFF: 'soon' })).toThrow(
      'KEY_HYGIENE_JOB_BACKOFF is "soon": expected a duration',
    );
  });
});
