/** The branch the App's onboarding pull request comes from; its pull requests are found by it. */
export const ONBOARDING_BRANCH = 'key-hygiene/configure';
export const ONBOARDING_TITLE = 'Configure Key Hygiene';

/** One pull request from {@link ONBOARDING_BRANCH}, as the pulls API lists it. */
export interface OnboardingPull {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  author?: string;
  body: string | null;
}

/**
 * Where a repository stands, from the bot's pull requests from the onboarding branch (any state):
 * `none` — never asked, open one; `open` — waiting, leave it alone; `merged` — onboarded;
 * `opted-out` — closed without merging: the team said no, never ask again. The answer lives in
 * GitHub itself, so it survives restarts and is the same for every app process.
 */
export type OnboardingState = { kind: 'none' } | { kind: 'open' | 'merged' | 'opted-out'; pull: OnboardingPull };

export function onboardingState(pulls: readonly OnboardingPull[], botLogin: string): OnboardingState {
  const own = pulls
    .filter((p) => p.author?.toLowerCase() === botLogin.toLowerCase())
    .sort((a, b) => a.number - b.number);
  const open = own.find((p) => p.state === 'open');
  if (open) return { kind: 'open', pull: open };
  const merged = own.find((p) => p.merged);
  if (merged) return { kind: 'merged', pull: merged };
  const closed = own.find((p) => p.state === 'closed');
  return closed ? { kind: 'opted-out', pull: closed } : { kind: 'none' };
}
