import { dayOf, describeDuration } from './describe-time.js';
import type { Judge } from './judge-context.js';

/**
 * No expiry (admin keys only): an admin key reads and deletes every key of the organisation, so it
 * should end on its own — with an expiry, and one no later than `rotate-every` after its creation.
 */
export const judgeNoExpiry: Judge = (key, { policy }) => {
  if (key.kind !== 'admin') return undefined;
  const every = policy.rotateEvery * 1000;
  if (key.expiresAt === null)
    return `This admin key never expires: replace it with one that expires within rotate-every (${describeDuration(every)}), then delete it.`;
  const lifetime = Date.parse(key.expiresAt) - Date.parse(key.createdAt);
  if (!(lifetime > every)) return undefined;
  return `This admin key expires ${dayOf(key.expiresAt)}, ${describeDuration(lifetime)} after it was created, later than rotate-every (${describeDuration(every)}) allows: replace it with one that expires sooner, then delete it.`;
};
