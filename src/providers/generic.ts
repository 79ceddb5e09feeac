import { defineProvider } from './provider.js';

/** Values found by their name or context (passwords, bearer headers, JWTs, URLs with credentials): no vendor. */
export const generic = defineProvider({ id: 'generic', name: 'Generic secret', aliases: [], nameless: true });
