import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oneLineError } from '../../../src/one-line-error.js';
import { AdminApiError } from '../../../src/audit/provider-admin.js';
import { createOpenAiAdmin, type OpenAiAdminOptions } from '../../../src/audit/openai/openai-admin.js';
import {
  startOpenAiAdminEmulator,
  type OpenAiAdminEmulator,
  type SeededKey,
} from '../../support/openai-admin-emulator.js';

// A server that misbehaves costs bounded time and memory, never receives the admin key where it
// should not, and every failure is one line naming OPENAI_ADMIN_KEY, the status and the path.
const NOW = new Date('2026-06-01T12:00:00Z');

let openai: OpenAiAdminEmulator;
let admin: SeededKey;
let waits: number[];
const errors: unknown[] = [];

beforeEach(async () => {
  openai = await startOpenAiAdminEmulator({ now: NOW, seed: 7 });
  admin = openai.addAdminKey({ name: 'audit' });
  openai.addProject({ name: 'web' });
  waits = [];
});
afterEach(async () => {
  await openai.close();
});

const client = (options: Partial<OpenAiAdminOptions> = {}) =>
  createOpenAiAdmin({
    adminKey: admin.value,
    baseUrl: openai.url,
    fetch: globalThis.fetch,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });

/** The error a call fails with, kept for the last test (no message may hold the key). */
async function failure(promise: Promise<unknown>): Promise<AdminApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  errors.push(error);
  expect(error).toBeInstanceOf(AdminApiError);
  expect(oneLineError(error)).toBe((error as Error).message);
  return error as AdminApiError;
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('refusals', () => {
  it('names the variable, the status and the path of a refused admin key', async () => {
    const wrong = await failure(client({ adminKey: `${admin.value.slice(0, -4)}AAAA` }).listKeys());
    expect(wrong.message).toBe('OPENAI_ADMIN_KEY was refused: 401 from GET /organization/projects');
    expect(wrong.status).toBe(401);
    const web = openai.addProject({ name: 'api' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    const project = openai.addKey(web.id, { name: 'k', owner: mona.id });
    const forbidden = await failure(
      client({ adminKey: project.value, keyVariable: 'KEY_HYGIENE_OPENAI_ADMIN_KEY' }).listKeys(),
    );
    expect(forbidden.message).toBe('KEY_HYGIENE_OPENAI_ADMIN_KEY was refused: 403 from GET /organization/projects');
  });
});

describe('redirects', () => {
  it('does not follow a redirect: the other server receives no request and no key', async () => {
    const seen: string[] = [];
    const other = await listen((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.end('{"object":"list","data":[],"has_more":false}');
    });
    try {
      openai.failNext('/organization/projects', {
        status: 307,
        headers: { location: `${other.url}/v1/organization/projects` },
      });
      const error = await failure(client().listKeys());
      expect(error.message).toBe(
        "OpenAI's admin API answered a redirect (307 from GET /organization/projects), which is not followed: OPENAI_ADMIN_KEY goes to its base URL only",
      );
      expect(seen).toEqual([]);
    } finally {
      other.server.close();
    }
  });

  it('refuses an id from the API that would climb out of the base URL', async () => {
    openai.tamper('/organization/projects', (body) => ({
      ...(body as object),
      data: [{ id: '..', object: 'organization.project', name: 'x', created_at: 1 }],
    }));
    const error = await failure(client().listKeys());
    expect(error.message).toContain('a project without a usable id');
    expect(openai.requests.map((r) => r.path)).toEqual(['/organization/projects']);
  });
});

describe('bounded paging and size', () => {
  it('stops on a cursor that does not advance', async () => {
    openai.tamper('/organization/projects', (body) => ({ ...(body as object), has_more: true, last_id: 'proj_same' }));
    const error = await failure(client().listKeys());
    expect(error.message).toBe(
      "OpenAI's admin API answered a cursor that does not advance (GET /organization/projects, with OPENAI_ADMIN_KEY)",
    );
    expect(openai.requestCount('/organization/projects')).toBe(2);
  });

  it('stops on has_more forever with ever-new cursors, after a bounded number of pages', async () => {
    let n = 0;
    openai.tamper('/organization/admin_api_keys', (body) => ({
      ...(body as object),
      has_more: true,
      last_id: `key_${(n += 1)}`,
    }));
    const error = await failure(client().listKeys());
    expect(error.message).toBe(
      "OpenAI's admin API answered more than 1000 pages (GET /organization/admin_api_keys, with OPENAI_ADMIN_KEY)",
    );
    expect(openai.requestCount('/organization/admin_api_keys')).toBe(1000);
  });

  it('stops on a usage next_page that repeats, and on has_more without one', async () => {
    const from = new Date(NOW.getTime() - 3_600_000).toISOString();
    const remove = openai.tamper('/organization/usage/completions', (body) => ({
      ...(body as object),
      has_more: true,
      // A cursor the emulator accepts (the hour's own start), answered again and again.
      next_page: `page_${Buffer.from(String(NOW.getTime() / 1000 - 3600)).toString('base64url')}`,
    }));
    expect((await failure(client().usage(from, NOW.toISOString()))).message).toContain(
      'a next_page that does not advance (GET /organization/usage/completions',
    );
    remove();
    openai.tamper('/organization/usage/embeddings', (body) => ({
      ...(body as object),
      has_more: true,
      next_page: null,
    }));
    expect((await failure(client().usage(from, NOW.toISOString()))).message).toContain('has_more without next_page');
  });

  it('refuses an answer larger than the cap, declared or streamed', async () => {
    for (let i = 0; i < 40; i += 1) openai.addProject({ name: `project-${i}` });
    const error = await failure(client({ maxBodyBytes: 2_000 }).listKeys());
    expect(error.message).toBe(
      "OpenAI's admin API answered more than 2000 bytes (GET /organization/projects, with OPENAI_ADMIN_KEY)",
    );
    const chunked = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // no content-length: chunked
      const timer = setInterval(() => res.write('x'.repeat(4096)), 1);
      res.on('close', () => clearInterval(timer));
    });
    try {
      const streamed = await failure(client({ baseUrl: `${chunked.url}/v1`, maxBodyBytes: 100_000 }).listKeys());
      expect(streamed.message).toContain('more than 100000 bytes');
    } finally {
      chunked.server.closeAllConnections();
      chunked.server.close();
    }
  });

  it('refuses an answer that is not JSON', async () => {
    openai.failNext('/organization/projects', { status: 200, body: '<html>login</html>' });
    expect((await failure(client().listKeys())).message).toBe(
      "OpenAI's admin API answered something that is not JSON (GET /organization/projects, with OPENAI_ADMIN_KEY)",
    );
  });
});

describe('retries and timeouts', () => {
  it('waits a 429’s Retry-After, then goes on', async () => {
    openai.failNext('/organization/projects', { status: 429, retryAfter: 7 });
    await client().listKeys();
    expect(waits).toEqual([7000]);
  });

  it('gives up at once on a Retry-After beyond maxRetryWait, and after few attempts on 429 or 5xx', async () => {
    openai.failNext('/organization/projects', { status: 429, retryAfter: 120 });
    const long = await failure(client({ maxRetryWait: 30 }).listKeys());
    expect(long.message).toBe(
      "OpenAI's admin API kept rate-limiting OPENAI_ADMIN_KEY: 429 from GET /organization/projects (it asked to wait 120s, more than the 30s allowed)",
    );
    expect(openai.requestCount('/organization/projects')).toBe(1);

    openai.failNext('/organization/projects', { status: 429, times: 3 });
    expect((await failure(client().listKeys())).message).toBe(
      "OpenAI's admin API kept rate-limiting OPENAI_ADMIN_KEY: 429 from GET /organization/projects (3 attempts)",
    );
    expect(openai.requestCount('/organization/projects')).toBe(1 + 3);

    openai.failNext('/organization/projects', { status: 502, times: 2 });
    await client().listKeys();
    openai.failNext('/organization/projects', { status: 500, times: 3 });
    const broken = await failure(client().listKeys());
    expect(broken.message).toBe(
      "OpenAI's admin API failed with 500 from GET /organization/projects (with OPENAI_ADMIN_KEY)",
    );
    expect(broken.status).toBe(500);
    expect(waits.every((ms) => ms <= 30_000)).toBe(true);
  });

  it('times a request out instead of hanging', async () => {
    openai.failNext('/organization/projects', { delayMs: 5_000 });
    const error = await failure(client({ timeoutMs: 200 }).listKeys());
    expect(error.message).toBe(
      "OpenAI's admin API did not answer within 0.2s (GET /organization/projects, with OPENAI_ADMIN_KEY)",
    );
  });

  it('says so when nothing listens', async () => {
    const gone = await listen(() => undefined);
    gone.server.close();
    const error = await failure(client({ baseUrl: `${gone.url}/v1` }).listKeys());
    expect(error.message).toBe(
      "OpenAI's admin API could not be reached (GET /organization/projects, with OPENAI_ADMIN_KEY)",
    );
  });
});

describe('the admin key', () => {
  it('appears in no error message', () => {
    expect(errors.length).toBeGreaterThan(10);
    for (const error of errors) {
      const text = `${(error as Error).message} ${String(error)} ${JSON.stringify(error)}`;
      expect(text).not.toContain(admin.value.slice(9, 40));
      expect(text).not.toContain('Incorrect API key'); // nor the body
    }
  });
});

describe('the base URL', () => {
  it('refuses plain http beyond this machine, and a base URL that is not one', async () => {
    const never: typeof globalThis.fetch = () => {
      throw new Error('fetch must not be called');
    };
    expect(() => client({ baseUrl: 'http://api.example.com/v1', fetch: never })).toThrow(
      'refusing to send OPENAI_ADMIN_KEY to http://api.example.com: only https (or http to this machine)',
    );
    expect(() => client({ baseUrl: 'not a url', fetch: never })).toThrow(
      'the base URL for OPENAI_ADMIN_KEY is not a URL',
    );
    expect(() => client({ baseUrl: '', fetch: never })).not.toThrow();
  });
});

describe('what the listing says about a key', () => {
  it('never passes on a whole key value as its redacted form, nor control characters in a name', async () => {
    const web = openai.addProject({ name: 'web' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    const leaked = openai.addKey(web.id, { name: 'k', owner: mona.id });
    openai.tamper(`/organization/projects/${web.id}/api_keys`, (body) => {
      const page = body as { data: Record<string, unknown>[] };
      return {
        ...page,
        data: page.data.map((k) => ({ ...k, redacted_value: leaked.value, name: 'prod\u001b[2J\r\nforged' })),
      };
    });
    const [key] = (await client().listKeys()).filter((k) => k.kind === 'project');
    expect(key!.redacted).toBe(`${leaked.value.slice(0, 8)}...${leaked.value.slice(-3)}`);
    expect(key!.name).toBe('prod [2J  forged');
    expect(JSON.stringify(key)).not.toContain(leaked.value.slice(10, 40));
  });
});
