import type { KeyUsage, ProviderAdmin, ProviderKey } from '../../src/audit/provider-admin.js';

/** An in-memory ProviderAdmin for the pure tests: the keys and usage given, or the error thrown. */
export function fakeAdmin(keys: ProviderKey[], usage: KeyUsage | Error): ProviderAdmin & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    provider: 'openai',
    asked,
    listKeys: async () => keys,
    usage: async (from, to) => {
      asked.push([from, to]);
      if (usage instanceof Error) throw usage;
      return usage;
    },
    revoke: async () => {
      throw new Error('the audit never revokes');
    },
  };
}
