import { createAnthropicAdmin } from '../../../src/audit/anthropic/anthropic-admin.js';
import type { AdminClientOptions, ProviderAdmin } from '../../../src/audit/provider-admin.js';
import { startAnthropicAdminEmulator, type AnthropicAdminEmulator } from '../../support/anthropic-admin-emulator.js';

export const NOW = '2026-06-15T12:00:00Z';
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export interface EmulatedOrg {
  emu: AnthropicAdminEmulator;
  adminKey: string;
  client(options?: Partial<AdminClientOptions>): ProviderAdmin;
}

/** An emulator at `NOW` with an admin key, and the product's client for it on the emulator's clock. */
export async function startEmulatedOrg(seed = 5): Promise<EmulatedOrg> {
  const emu = await startAnthropicAdminEmulator({ now: NOW, seed });
  const adminKey = emu.addAdminKey().value;
  return {
    emu,
    adminKey,
    client: (options = {}) =>
      createAnthropicAdmin({
        adminKey,
        baseUrl: emu.url,
        fetch: globalThis.fetch,
        now: () => emu.clock.now(),
        ...options,
      }),
  };
}
