import { afterEach, beforeEach, expect, it } from 'vitest';
import { partialKeyHint } from '../../../src/audit/anthropic/partial-key-hint.js';
import { makeKey } from '../../support/make-keys.js';
import { startEmulatedOrg, type EmulatedOrg } from './emulated-org.js';

let org: EmulatedOrg;
beforeEach(async () => {
  org = await startEmulatedOrg();
});
afterEach(() => org.emu.close());

it('gives the hint the Admin API lists for a key, so a secret can be matched to the inventory', async () => {
  const alice = org.emu.addUser({ name: 'Alice', email: 'alice@example.com' });
  const seeded = Array.from({ length: 5 }, (_, i) => org.emu.addKey({ name: `k${i}`, createdBy: alice.id }));
  const listed = new Map((await org.client().listKeys()).map((k) => [k.id, k.redacted]));
  for (const key of seeded) expect(partialKeyHint(key.value)).toBe(listed.get(key.id));
  const key = makeKey('anthropic-api-key', 9);
  expect(partialKeyHint(key)).toBe(`${key.slice(0, 16)}...${key.slice(-4)}`);
});

it('gives no hint for what is not an Anthropic API key', () => {
  expect(partialKeyHint(makeKey('openai-project-key', 9))).toBeNull();
  expect(partialKeyHint('sk-ant-api03-short')).toBeNull();
  expect(partialKeyHint(`${makeKey('anthropic-api-key', 9)}\n`)).toBeNull();
});
