import { afterEach, beforeEach, expect, it } from 'vitest';
import { ADMIN_APIS } from '../../../src/audit/admin-clients.js';
import { startEmulatedOrg, type EmulatedOrg } from './emulated-org.js';

let org: EmulatedOrg;
beforeEach(async () => {
  org = await startEmulatedOrg();
});
afterEach(() => org.emu.close());

it('is what ADMIN_APIS loads for anthropic, and lists the emulated organisation', async () => {
  const create = await ADMIN_APIS.anthropic.load();
  const alice = org.emu.addUser({ name: 'Alice', email: 'alice@example.com' });
  const key = org.emu.addKey({ name: 'ci', createdBy: alice.id });
  const admin = create({ adminKey: org.adminKey, baseUrl: `${org.emu.url}/`, fetch, now: () => org.emu.clock.now() });
  expect(admin.provider).toBe('anthropic');
  expect((await admin.listKeys()).map((k) => k.id)).toEqual([key.id]);
});

it('sends the admin key only to api.anthropic.com when no base URL is set, in x-api-key with a version', async () => {
  const create = await ADMIN_APIS.anthropic.load();
  const asked: { url: string; headers: Record<string, string>; redirect?: string }[] = [];
  // No network: the stand-in answers 401 so nothing goes further than the first request.
  const fetchStandIn = (async (url: string, init: RequestInit) => {
    asked.push({ url, headers: init.headers as Record<string, string>, redirect: init.redirect });
    return new Response('{}', { status: 401 });
  }) as unknown as typeof fetch;
  await expect(create({ adminKey: org.adminKey, baseUrl: '', fetch: fetchStandIn }).listKeys()).rejects.toMatchObject({
    status: 401,
  });
  expect(asked).toEqual([
    {
      url: 'https://api.anthropic.com/v1/organizations/api_keys?limit=1000',
      headers: expect.objectContaining({ 'x-api-key': org.adminKey, 'anthropic-version': '2023-06-01' }),
      redirect: 'manual',
    },
  ]);
});
