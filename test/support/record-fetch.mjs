// Preloaded (`node --import`) into a CLI process by a test: replaces the global fetch with one that
// writes each URL asked to the file KEY_HYGIENE_TEST_FETCH_LOG (one line each, never the headers
// that carry a key) and fails like an unreachable host, so a test sees every request the process
// would have sent beyond 127.0.0.1 — and none leaves the machine. Loopback URLs go to the real fetch.
import { appendFileSync } from 'node:fs';

const log = process.env.KEY_HYGIENE_TEST_FETCH_LOG;
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = String(typeof input === 'object' && 'url' in input ? input.url : input);
  if (log) appendFileSync(log, `${init?.method ?? 'GET'} ${url}\n`);
  if (new URL(url).hostname === '127.0.0.1') return realFetch(input, init);
  throw new TypeError('fetch failed', {
    cause: Object.assign(new Error('no network in tests'), { code: 'ENETUNREACH' }),
  });
};
