import { describe, expect, it } from 'vitest';
import { rateLimitWaitMs, readRateLimit } from '../../../app/octokit/rate-limit-headers.js';
import { RequestBudget } from '../../../app/octokit/request-budget.js';

const MINUTE = 60_000;

/** GitHub's clock runs `skewMs` behind ours; headers as GitHub would send them at our `localNow`. */
function headersAt(localNow: number, { limit = 60, remaining = 60, resetInMs = 30 * MINUTE, skewMs = 0 } = {}) {
  const serverNow = Math.floor((localNow - skewMs) / 1000) * 1000;
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(Math.floor((serverNow + resetInMs) / 1000)),
    date: new Date(serverNow).toUTCString(),
  };
}

/** A clock that moves only when the budget sleeps. */
function fakeTime(start = Date.parse('2026-11-02T10:00:00Z')) {
  const time = { now: start, slept: [] as number[], waits: [] as string[] };
  const deps = {
    now: () => time.now,
    sleep: async (ms: number) => {
      time.slept.push(ms);
      time.now += ms;
    },
    onWait: (reason: string, ms: number) => time.waits.push(`${reason} ${ms}`),
  };
  return { time, deps };
}

const failure = (status: number, headers: Record<string, string>, message = 'Forbidden') =>
  Object.assign(new Error(message), { status, response: { headers } });

describe('readRateLimit', () => {
  it("lays the reset onto the local clock through the answer's Date: a host 10 minutes off waits what GitHub meant", () => {
    const localNow = Date.parse('2026-11-02T10:10:00Z');
    const reading = readRateLimit(
      headersAt(localNow, { remaining: 12, resetInMs: 5 * MINUTE, skewMs: 10 * MINUTE }),
      localNow,
    )!;
    expect(reading.limit).toBe(60);
    expect(reading.remaining).toBe(12);
    // Five minutes from now on the local clock (+1 s: the reset is in whole seconds), not 15 minutes ago.
    expect(reading.resetAt - localNow).toBe(5 * MINUTE + 1_000);
  });

  it('without a Date header trusts the local clock; without the three headers reads nothing', () => {
    const localNow = Date.parse('2026-11-02T10:00:00Z');
    expect(
      readRateLimit(
        {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '1',
          'x-ratelimit-reset': String(localNow / 1000 + 60),
        },
        localNow,
      )!.resetAt,
    ).toBe(localNow + 61_000);
    expect(readRateLimit({ etag: 'W/"x"' }, localNow)).toBeUndefined();
  });
});

describe('rateLimitWaitMs: what a 403/429 asks', () => {
  const now = Date.parse('2026-11-02T10:00:00Z');
  it('Retry-After first (a secondary limit)', () => {
    expect(
      rateLimitWaitMs(failure(403, { 'retry-after': '120' }, 'You have exceeded a secondary rate limit.'), now),
    ).toBe(120_000);
    expect(rateLimitWaitMs(failure(429, { 'retry-after': '7' }), now)).toBe(7_000);
  });
  it("the primary limit's reset when Remaining is 0, measured against the answer's Date", () => {
    expect(
      rateLimitWaitMs(
        failure(
          403,
          headersAt(now, { remaining: 0, resetInMs: 20 * MINUTE, skewMs: -3 * MINUTE }),
          'API rate limit exceeded',
        ),
        now,
      ),
    ).toBe(20 * MINUTE + 1_000);
  });
  it('a minute for a secondary limit that names no time; nothing for a 403 that is no limit', () => {
    expect(rateLimitWaitMs(failure(403, {}, 'You have exceeded a secondary rate limit.'), now)).toBe(60_000);
    expect(rateLimitWaitMs(failure(429, {}), now)).toBe(60_000);
    expect(
      rateLimitWaitMs(
        failure(
          403,
          { 'x-ratelimit-remaining': '4000', 'x-accepted-github-permissions': 'secrets=read' },
          'Resource not accessible by integration',
        ),
        now,
      ),
    ).toBeUndefined();
    expect(rateLimitWaitMs(failure(404, { 'retry-after': '5' }), now)).toBeUndefined();
  });
});

describe('RequestBudget', () => {
  it('lets a sweep spend its share (0.5 of 60) of this window, then waits until the reset', async () => {
    const { time, deps } = fakeTime();
    const budget = new RequestBudget(0.5, deps);
    const resetIn = 40 * MINUTE;
    let sent = 0;
    for (;;) {
      await budget.beforeRequest();
      if (time.slept.length > 0) break;
      sent += 1;
      budget.observe(headersAt(time.now, { remaining: 60 - sent, resetInMs: resetIn }));
      budget.done();
    }
    expect(sent).toBe(30);
    expect(time.slept).toEqual([resetIn + 1_000]);
    expect(time.waits).toEqual([`share ${resetIn + 1_000}`]);
  });

  it('counts only what GitHub counts: 304s leave Remaining alone, so they never use up the share', async () => {
    const { time, deps } = fakeTime();
    const budget = new RequestBudget(0.5, deps);
    budget.observe(headersAt(time.now, { remaining: 31 }));
    for (let i = 0; i < 100; i++) {
      await budget.beforeRequest();
      budget.observe(headersAt(time.now, { remaining: 31 }));
      budget.done();
    }
    expect(time.slept).toEqual([]);
    expect(budget.known!.remaining).toBe(31);
  });

  it('within a window the lowest Remaining wins (answers can cross); a later window replaces it', () => {
    const { time, deps } = fakeTime();
    const budget = new RequestBudget(0.5, deps);
    budget.observe(headersAt(time.now, { remaining: 20 }));
    budget.observe(headersAt(time.now, { remaining: 25 }));
    expect(budget.known!.remaining).toBe(20);
    time.now += 31 * MINUTE;
    budget.observe(headersAt(time.now, { remaining: 59, resetInMs: 60 * MINUTE }));
    expect(budget.known!.remaining).toBe(59);
  });

  it('counts requests still in flight, so concurrent sweep requests cannot overshoot the share', async () => {
    const { time, deps } = fakeTime();
    const budget = new RequestBudget(0.5, deps);
    budget.observe(headersAt(time.now, { remaining: 32, resetInMs: 10 * MINUTE }));
    await budget.beforeRequest();
    await budget.beforeRequest();
    expect(budget.waitFor(time.now).ms).toBe(10 * MINUTE + 1_000);
    budget.done();
    expect(budget.waitFor(time.now).ms).toBe(0);
  });

  it('after a 403/429 that asked to wait, every sweep request of the installation waits that long', async () => {
    const { time, deps } = fakeTime();
    const budget = new RequestBudget(1, deps);
    expect(budget.limited(failure(403, { 'retry-after': '90' }, 'You have exceeded a secondary rate limit.'))).toBe(
      90_000,
    );
    expect(budget.limited(failure(403, {}, 'Resource not accessible by integration'))).toBeUndefined();
    await budget.beforeRequest();
    budget.done();
    expect(time.slept).toEqual([90_000]);
    expect(time.waits).toEqual(['rate-limited 90000']);
  });

  it("ready(n) waits, taking nothing, until n sweep requests fit the share — what a sweep asks before a repository's lock", async () => {
    const { time, deps } = fakeTime();
    const budget = new RequestBudget(0.5, deps);
    // 60 an hour, 0.5 of it: 30 for sweeps. 20 used: 10 fit, 11 do not.
    budget.observe(headersAt(time.now, { remaining: 40, resetInMs: 10 * MINUTE }));
    await budget.ready(10);
    expect(time.slept).toEqual([]);
    expect(budget.waitFor(time.now).ms).toBe(0);
    await budget.ready(11);
    expect(time.slept).toEqual([10 * MINUTE + 1_000]);
    // After the reset the old reading no longer holds anyone back; more than the share ever holds asks for all of it.
    expect(budget.waitFor(time.now, 1_000).ms).toBe(0);
    budget.observe(headersAt(time.now, { remaining: 59, resetInMs: 60 * MINUTE }));
    expect(budget.waitFor(time.now, 1_000).ms).toBe(60 * MINUTE + 1_000);
  });
});
