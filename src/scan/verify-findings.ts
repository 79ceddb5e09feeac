import { checkKeyOnline, type LiveCheck } from '../providers/check-key-online.js';
import { liveCheckFor } from '../providers/live-check-for.js';
import type { FetchLike } from '../providers/provider.js';
import type { Finding, KeyVerification } from '../types.js';
import type { SecretVault } from './secret-vault.js';

export interface VerifyOptions {
  /** The vault that was the scan's `onSecret`: where each finding's raw key is found again. */
  secrets: SecretVault;
  /** Node's global `fetch` fits; the engine imports no HTTP client. */
  fetch: FetchLike;
  /** Per provider id, a base URL to ask instead of its public API (a proxy, a test's stand-in). */
  urls?: Readonly<Record<string, string>>;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Each request's time limit (default 10 s); past it the key is unknown. */
  timeoutMs?: number;
  /** Distinct keys asked about in one run (default 100); the rest are unknown, and say so. */
  maxKeys?: number;
}

const DEFAULTS = { concurrency: 4, timeoutMs: 10_000, maxKeys: 100 };

/**
 * The findings with `verification` set on each whose key's provider has a live check for its kind:
 * each distinct key is sent once, to its own provider only (its public API or `urls[provider]`), a
 * few at a time. Findings without a check are returned as they were; none is ever dropped.
 */
export async function verifyFindings(findings: readonly Finding[], options: VerifyOptions): Promise<Finding[]> {
  const { concurrency, timeoutMs, maxKeys } = { ...DEFAULTS, ...options };
  const jobs = new Map<string, { detector: string; result?: KeyVerification }>();
  for (const f of findings) {
    const secret = options.secrets.secretOf(f);
    if (secret !== undefined && !jobs.has(secret)) jobs.set(secret, { detector: f.detector });
  }
  const queue = [...jobs].slice(0, maxKeys);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [secret, job] = next;
      const found = liveCheckFor(job.detector, secret)!;
      const base = options.urls?.[found.provider.id] ?? '';
      job.result = toVerification(await checkKeyOnline(secret, found.check, base, options.fetch, timeoutMs));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return findings.map((f) => {
    const secret = options.secrets.secretOf(f);
    const job = secret === undefined ? undefined : jobs.get(secret);
    if (!job) return f;
    const verification = job.result ?? {
      status: 'unknown' as const,
      detail: `not asked: at most ${maxKeys} keys are checked in one run`,
    };
    return { ...f, verification };
  });
}

function toVerification(check: LiveCheck): KeyVerification {
  switch (check.status) {
    case 'valid':
      return { status: 'live', detail: check.detail };
    case 'invalid':
      return { status: 'revoked', detail: check.detail };
    case 'rate-limited':
      return { status: 'unknown', detail: `rate-limited: ${check.detail}` };
    case 'unknown':
      return { status: 'unknown', detail: check.detail };
  }
}
