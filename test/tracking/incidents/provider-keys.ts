import type { ProviderKey } from '../../../src/audit/provider-admin.js';
import { makeKey } from '../../support/make-keys.js';

/** A leaked OpenAI project key, made at test time; {@link providerKey} lists it by default. */
export const VALUE = makeKey('openai-project-key', 81);

/** A key as an admin client lists it: OpenAI's project key `ci` of project Web, redacted as the emulator does. */
export function providerKey(over: Partial<ProviderKey> = {}): ProviderKey {
  return {
    provider: 'openai',
    id: 'key_abc',
    name: 'ci',
    redacted: `sk-proj...${VALUE.slice(-3)}`,
    kind: 'project',
    project: { id: 'proj_1', name: 'Web' },
    owner: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    lastUsedAt: '2026-06-30T08:00:00.000Z',
    expiresAt: null,
    status: 'active',
    ...over,
  };
}
