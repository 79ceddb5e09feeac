import { defineProvider } from './provider.js';

/** Repository hygiene rules (a tracked `.env` file, src/scan/hygiene.ts): no key of any vendor. */
export const hygiene = defineProvider({ id: 'hygiene', name: 'Repository hygiene', aliases: [], nameless: true });
