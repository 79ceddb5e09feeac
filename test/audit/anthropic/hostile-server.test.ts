import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BYTES } from '../../../src/audit/anthropic/admin-request.js';
import { MAX_PAGES } from '../../../src/audit/anthropic/list-all.js';
import { createAnthropicAdmin } from '../../../src/audit/anthropic/anthropic-admin.js';
import { AdminApiError } from '../../../src/audit/provider-admin.js';
import { oneLineError } from '../../../src/one-line-error.js';
import { startEmulatedOrg, type EmulatedOrg } from './emulated-org.js';

// What the client does when the server misbehaves: every failure is one AdminApiError line, bounded in
// time and memory, and the admin key goes nowhere but the base URL's host, nor into any message.

let org: EmulatedOrg;
const KEYS = '/v1/organizations/api_keys';
const USAGE = '/v1/organizations/usage_report/messages';

beforeEach(async () => {
  org = await startEmulatedOrg();
});
afterEach(() => org.emu.close());

/** The error a call fails with, checked to be one line that holds no key. */
async function failure(promise: Promise<unknown>): Promise<AdminApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdminApiError);
  const { message } = error as AdminApiError;
  expect(oneLineError(error)).toBe(message);
  expect(message).not.toContain(org.adminKey);
  expect(message).not.toContain(org.adminKey.slice(15, 40));
  return error as AdminApiError;
}

async function startBystander(): Promise<{ url: string; hits: string[]; server: Server }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers['x-api-key'] ?? ''}`);
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

describe('refusals', () => {
  it('names the variable, the status and the path, never the key nor the body that echoes it', async () => {
    const wrong = createAnthropicAdmin({ adminKey: `${org.adminKey}x`, baseUrl: org.emu.url, fetch });
    const refused = await failure(wrong.listKeys());
    expect(refused.status).toBe(401);
    expect(refused.message).toBe(
      'Anthropic Admin API (ANTHROPIC_ADMIN_KEY): 401 from GET /v1/organizations/api_keys: the admin key was refused (is it an admin key, and still active?)',
    );

    const app = createAnthropicAdmin({
      adminKey: 'sk-ant-admin01-wrong',
      baseUrl: org.emu.url,
      fetch,
      keyVariable: 'KEY_HYGIENE_ANTHROPIC_ADMIN_KEY',
    });
    expect((await failure(app.listKeys())).message).toMatch(
      /^Anthropic Admin API \(KEY_HYGIENE_ANTHROPIC_ADMIN_KEY\): 401 /,
    );

    org.emu.intercept(KEYS, () => ({
      status: 400,
      body: JSON.stringify({
        type: 'error',
        error: { type: 'invalid_request_error', message: `bad key ${org.adminKey}` },
      }),
    }));
    expect((await failure(org.client().listKeys())).message).toBe(
      'Anthropic Admin API (ANTHROPIC_ADMIN_KEY): 400 from GET /v1/organizations/api_keys',
    );
  });

  it('refuses an answer of another shape without quoting it', async () => {
    org.emu.intercept(KEYS, () => ({
      status: 200,
      body: JSON.stringify({
        data: [{ id: 'k', name: org.adminKey, created_at: 'soon', status: 'active' }],
        has_more: false,
      }),
    }));
    expect((await failure(org.client().listKeys())).message).toMatch(
      /not of the expected shape \(at data\.0\.created_at\)$/,
    );
    org.emu.intercept(KEYS, () => ({ status: 200, body: `not json ${org.adminKey}` }));
    expect((await failure(org.client().listKeys())).message).toMatch(/is not JSON$/);
  });

  it('never puts an admin key that a header cannot carry on the wire', async () => {
    const bad = createAnthropicAdmin({ adminKey: `${org.adminKey}\r\nx-evil: 1`, baseUrl: org.emu.url, fetch });
    expect((await failure(bad.listKeys())).message).toMatch(/has characters a header cannot carry/);
    expect(org.emu.requestCount()).toBe(0);
  });

  it('says when the server cannot be reached', async () => {
    const { url, server } = await startBystander();
    await new Promise((resolve) => server.close(resolve));
    const gone = createAnthropicAdmin({ adminKey: org.adminKey, baseUrl: url, fetch });
    expect((await failure(gone.listKeys())).message).toMatch(
      /GET \/v1\/organizations\/api_keys failed: .*ECONNREFUSED/,
    );
  });
});

describe('redirects', () => {
  it('does not follow a redirect to another host, for a read or a revoke', async () => {
    const bystander = await startBystander();
    try {
      org.emu.intercept(KEYS, () => ({ status: 302, headers: { location: `${bystander.url}${KEYS}` }, body: '' }));
      const listed = await failure(org.client().listKeys());
      expect(listed).toMatchObject({ status: 302 });
      expect(listed.message).toMatch(/302 \(a redirect, not followed\) from GET \/v1\/organizations\/api_keys$/);

      const alice = org.emu.addUser({ name: 'Alice', email: 'alice@example.com' });
      org.emu.addKey({ name: 'k', createdBy: alice.id });
      const key = (await org.client().listKeys())[0]!;
      org.emu.intercept(`${KEYS}/`, () => ({
        status: 307,
        headers: { location: `${bystander.url}${KEYS}/${key.id}` },
        body: '',
      }));
      expect(await failure(org.client().revoke(key))).toMatchObject({ status: 307 });
      expect(org.emu.keyStatus(key.id)).toBe('active');
      expect(bystander.hits).toEqual([]);
    } finally {
      await new Promise((resolve) => bystander.server.close(resolve));
    }
  });
});

describe('bounds', () => {
  it('drops an answer larger than the cap, declared or streamed', async () => {
    const big = Buffer.alloc(MAX_RESPONSE_BYTES + 1024, 0x20);
    org.emu.intercept(KEYS, () => ({ status: 200, body: big }));
    expect((await failure(org.client().listKeys())).message).toMatch(/larger than \d+ bytes$/);
    org.emu.intercept(KEYS, () => ({ status: 200, headers: { 'transfer-encoding': 'chunked' }, body: big }));
    expect((await failure(org.client().listKeys())).message).toMatch(/larger than \d+ bytes$/);
  });

  it('stops at a cursor that does not move, and at a list that never ends', async () => {
    const page = (lastId: string) => ({
      status: 200,
      body: JSON.stringify({
        data: [{ id: lastId, name: 'n', created_at: '2026-01-01T00:00:00Z', status: 'active' }],
        has_more: true,
        first_id: lastId,
        last_id: lastId,
      }),
    });
    org.emu.intercept(KEYS, () => page('apikey_same'), Infinity);
    expect((await failure(org.client().listKeys())).message).toMatch(/said it had more but gave no new cursor$/);
    expect(org.emu.requestCount(KEYS)).toBe(2);

    await org.emu.close();
    org = await startEmulatedOrg();
    let n = 0;
    org.emu.intercept(KEYS, () => page(`apikey_${(n += 1)}`), Infinity);
    expect((await failure(org.client().listKeys())).message).toMatch(new RegExp(`had more than ${MAX_PAGES} pages$`));
    expect(org.emu.requestCount(KEYS)).toBe(MAX_PAGES);
  });

  it('stops a usage report that keeps saying has_more', async () => {
    let n = 0;
    org.emu.intercept(
      USAGE,
      () => ({ status: 200, body: JSON.stringify({ data: [], has_more: true, next_page: `page_${(n += 1)}` }) }),
      2,
    );
    expect((await failure(org.client().usage('2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z'))).message).toMatch(
      /had more pages than a 1h report/,
    );
    expect(org.emu.requestCount(USAGE)).toBe(2);
    org.emu.intercept(
      USAGE,
      () => ({ status: 200, body: JSON.stringify({ data: [], has_more: true, next_page: 'page_same' }) }),
      Infinity,
    );
    expect((await failure(org.client().usage('2026-05-01T00:00:00Z', '2026-06-02T00:00:00Z'))).message).toMatch(
      /gave no new page token$/,
    );
  });

  it('gives up on a server that does not answer', async () => {
    org.emu.intercept(KEYS, () => 'hang');
    expect((await failure(org.client({ timeout: 0.5 }).listKeys())).message).toBe(
      'Anthropic Admin API (ANTHROPIC_ADMIN_KEY): no answer to GET /v1/organizations/api_keys within 0.5 s',
    );
  });
});

describe('rate limits and overload', () => {
  it('waits as retry-after says on 429, then goes on', async () => {
    org.emu.failNext(KEYS, { status: 429, retryAfter: 0.05, times: 2 });
    await org.client().listKeys();
    expect(org.emu.requestCount(KEYS)).toBe(3);
  });

  it('gives up at once when retry-after asks for longer than maxRetryWait', async () => {
    org.emu.failNext(KEYS, { status: 429, retryAfter: 120 });
    const error = await failure(org.client({ maxRetryWait: 5 }).listKeys());
    expect(error).toMatchObject({ status: 429 });
    expect(error.message).toMatch(
      /429 from GET \/v1\/organizations\/api_keys, asked to wait 120 s \(more than the 5 s allowed\)$/,
    );
    expect(org.emu.requestCount(KEYS)).toBe(1);
  });

  it('retries 529 and 500 a few times, then reports the status', async () => {
    org.emu.failNext(USAGE, { status: 529 });
    org.emu.failNext(KEYS, { status: 500 });
    await org.client({ maxRetryWait: 0.05 }).listKeys();
    expect(org.emu.requestCount(KEYS)).toBe(2);
    // The refused page again, then the three pages of the daily report.
    expect(org.emu.requestCount(USAGE)).toBe(4);
  });

  it('reports a server that stays overloaded', async () => {
    org.emu.failNext(KEYS, { status: 529, times: Infinity });
    const error = await failure(org.client({ maxRetryWait: 0.05 }).listKeys());
    expect(error).toMatchObject({
      status: 529,
      message: 'Anthropic Admin API (ANTHROPIC_ADMIN_KEY): 529 from GET /v1/organizations/api_keys',
    });
    expect(org.emu.requestCount(KEYS)).toBe(5);
  });
});
