import { dayOf, describeDuration } from './describe-time.js';
import { ageOf, type Judge } from './judge-context.js';

/**
 * Unused: never used and older than `unused-after`, or last used longer ago than that. Nobody needs
 * such a key, and deleting it closes a way in.
 */
export const judgeUnused: Judge = (key, { policy, now }) => {
  const limit = policy.unusedAfter * 1000;
  const past = `past unused-after (${describeDuration(limit)})`;
  if (key.lastUsedAt !== null) {
    const idle = ageOf(key.lastUsedAt, now);
    if (!(idle > limit)) return undefined;
    return `Last used ${describeDuration(idle)} ago (${dayOf(key.lastUsedAt)}), ${past}: delete it, or rotate it if something still needs it.`;
  }
  // A provider with no last-used field (Anthropic) reads last use from a usage report that reaches
  // back only so far: a null `lastUsedAt` then means "not used since `lastUsedKnownSince`".
  const since = key.lastUsedKnownSince;
  if (since && Date.parse(since) > Date.parse(key.createdAt)) {
    const idle = ageOf(since, now);
    if (!(idle > limit)) return undefined;
    return `Not used since ${dayOf(since)} (as far back as the provider's usage report reaches), ${describeDuration(idle)} ago and ${past}: delete it.`;
  }
  const age = ageOf(key.createdAt, now);
  if (!(age > limit)) return undefined;
  return `Never used in the ${describeDuration(age)} since it was created (${dayOf(key.createdAt)}), ${past}: delete it.`;
};
