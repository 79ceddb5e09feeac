import { dayOf, describeDuration } from './describe-time.js';
import { ageOf, type Judge } from './judge-context.js';

/**
 * No expiry (admin keys only): an admin key reads and deletes every key of the organisation, so it
 * should end on its own — it has an expiry — and be replaced within `rotate-every`. An admin key's
 * age is judged here rather than as `overdue`, so an old admin key is one finding, not two.
 */
export const judgeNoExpiry: Judge = (key, { policy, now }) => {
  if (key.kind !== 'admin') return undefined;
  const every = policy.rotateEvery * 1000;
  const age = ageOf(key.createdAt, now);
  const old = age > every;
  const replace = `replace it with an admin key that expires within rotate-every (${describeDuration(every)}), then delete it.`;
  if (key.expiresAt === null)
    return old
      ? `This admin key never expires and was created ${describeDuration(age)} ago (${dayOf(key.createdAt)}): ${replace}`
      : `This admin key never expires: ${replace}`;
  if (!old) return undefined;
  return `This admin key was created ${describeDuration(age)} ago (${dayOf(key.createdAt)}), longer ago than rotate-every (${describeDuration(every)}), and expires only ${dayOf(key.expiresAt)}: ${replace}`;
};
