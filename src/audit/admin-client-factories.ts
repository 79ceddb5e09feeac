import { createAnthropicAdmin } from './anthropic/anthropic-admin.js';
import { createOpenAiAdmin } from './openai/openai-admin.js';
import type { AdminClientOptions, AdminProviderId, ProviderAdmin } from './provider-admin.js';

/**
 * The clients, imported statically, for the bundled fronts (the Action's dist/ and the sweep's
 * sweep/dist/): ncc puts a lazily imported module (ADMIN_APIS' `load()`) in a chunk file of its own
 * beside the bundle, one more file the committed bundle must not lose. The CLI keeps the lazy
 * `load()`, so a scan never pays for them at start-up.
 */
export const ADMIN_CLIENTS: Readonly<Record<AdminProviderId, (options: AdminClientOptions) => ProviderAdmin>> = {
  openai: createOpenAiAdmin,
  anthropic: createAnthropicAdmin,
};
