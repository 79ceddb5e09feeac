import type { AdminClientOptions, ProviderAdmin } from '../provider-admin.js';

/** Placeholder until the client lands (this file is replaced on the branch that builds it). */
export function createOpenAiAdmin(options: AdminClientOptions): ProviderAdmin {
  void options;
  throw new Error('not built yet');
}
