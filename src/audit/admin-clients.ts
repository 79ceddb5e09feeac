import type { AdminClientOptions, AdminProviderId, ProviderAdmin } from './provider-admin.js';

/** Where each admin-API client is configured from, as the vendors' official SDKs read it. */
export interface AdminApiSetting {
  provider: AdminProviderId;
  /** The vendor's name, for messages. */
  name: string;
  /** The variable the CLI and the Action read the admin key from. */
  keyVariable: string;
  /** The variable the App's server reads the admin key from. */
  appKeyVariable: string;
  /** The variable that overrides the base URL (the SDKs' own). */
  baseUrlVariable: string;
  /** The public API's base URL; the client appends its paths to it. */
  defaultBaseUrl: string;
  /** Makes the client (loaded only when an audit runs, so a scan never pays for it). */
  load(): Promise<(options: AdminClientOptions) => ProviderAdmin>;
}

export const ADMIN_APIS: Readonly<Record<AdminProviderId, AdminApiSetting>> = {
  openai: {
    provider: 'openai',
    name: 'OpenAI',
    keyVariable: 'OPENAI_ADMIN_KEY',
    appKeyVariable: 'KEY_HYGIENE_OPENAI_ADMIN_KEY',
    baseUrlVariable: 'OPENAI_BASE_URL',
    defaultBaseUrl: 'https://api.openai.com/v1',
    load: async () => (await import('./openai/openai-admin.js')).createOpenAiAdmin,
  },
  anthropic: {
    provider: 'anthropic',
    name: 'Anthropic',
    keyVariable: 'ANTHROPIC_ADMIN_KEY',
    appKeyVariable: 'KEY_HYGIENE_ANTHROPIC_ADMIN_KEY',
    baseUrlVariable: 'ANTHROPIC_BASE_URL',
    defaultBaseUrl: 'https://api.anthropic.com',
    load: async () => (await import('./anthropic/anthropic-admin.js')).createAnthropicAdmin,
  },
};

export function isAdminProvider(id: string): id is AdminProviderId {
  return Object.hasOwn(ADMIN_APIS, id);
}
