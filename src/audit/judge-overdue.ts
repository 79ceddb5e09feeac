import { dayOf, describeDuration } from './describe-time.js';
import { ageOf, type Judge } from './judge-context.js';

/**
 * Overdue: the key itself — its `created_at` at the provider, not when a GitHub secret was last
 * written — is older than `rotate-every`. An admin key's age is judged with its expiry (no-expiry).
 */
export const judgeOverdue: Judge = (key, { policy, now }) => {
  if (key.kind === 'admin') return undefined;
  const age = ageOf(key.createdAt, now);
  if (!(age > policy.rotateEvery * 1000)) return undefined;
  return `Created ${describeDuration(age)} ago (${dayOf(key.createdAt)}), longer ago than rotate-every (${describeDuration(policy.rotateEvery * 1000)}): create a new key, put it where this one is used, then delete this one.`;
};
