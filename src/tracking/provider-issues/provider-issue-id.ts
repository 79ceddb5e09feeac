import type { AdminProviderId, AuditProblem } from '../../audit/provider-admin.js';

/** What one provider issue tracks: one problem of one key at one provider. */
export interface ProviderIssueKey {
  provider: AdminProviderId;
  /** The provider's id for the key (`key_abc`, `apikey_01…`). */
  keyId: string;
  problem: AuditProblem;
}

const PREFIX = 'provider:';
const PROVIDERS: readonly AdminProviderId[] = ['openai', 'anthropic'];
const PROBLEMS: readonly AuditProblem[] = ['overdue', 'unused', 'orphaned', 'usage-spike', 'no-expiry'];

/**
 * The id a provider issue's hidden key marker carries: `provider:openai:key_abc:unused`. It is
 * matched like a key issue's id (never by title), so re-sweeps update the issue and never open a
 * second one. It has no `|`, so the key-issue planner never reads it as one of its own ids
 * (src/tracking/key-issues/key-id.ts); the key id keeps its case, since providers' ids are
 * case-sensitive, and is percent-escaped so that no key id can add a part.
 */
export function providerIssueId(key: ProviderIssueKey): string {
  return `${PREFIX}${key.provider}:${escape(key.keyId)}:${key.problem}`;
}

/** The key an id stands for, or undefined when it is not a provider issue's id. */
export function parseProviderIssueId(id: string): ProviderIssueKey | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  const parts = id.slice(PREFIX.length).split(':');
  if (parts.length !== 3) return undefined;
  const [provider, keyId, problem] = parts as [string, string, string];
  const p = PROVIDERS.find((x) => x === provider);
  const pr = PROBLEMS.find((x) => x === problem);
  const decoded = unescape(keyId);
  if (!p || !pr || decoded === undefined || decoded === '') return undefined;
  return { provider: p, keyId: decoded, problem: pr };
}

function escape(part: string): string {
  return part.replace(/[%:|]/g, (c) => encodeURIComponent(c));
}

function unescape(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
