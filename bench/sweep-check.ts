// What the bench checks in the emulator's store after a sweep: one open issue per overdue key, found by
// the hidden marker the app matches issues by (never by title), and nothing else opened; and each
// installation's use of its rate budget.
import { parseKeyMarker } from '../src/tracking/key-marker.js';
import type { GitHubEmulator } from '../test/support/github-emulator/index.js';
import type { SweepWorld } from './sweep-world.js';

export interface IssueCheck {
  stale: number;
  /** Stale keys with exactly one open issue. */
  exactlyOne: number;
  missing: string[];
  /** Keys with more than one open issue. */
  duplicated: string[];
  /** Open bot issues about anything else. */
  unexpected: string[];
}

export function checkIssues(gh: GitHubEmulator, world: SweepWorld): IssueCheck {
  const bot = `${world.app.slug}[bot]`;
  const open = new Map<string, number>();
  const unexpected: string[] = [];
  const wanted = new Set(world.stale.map((key) => key.id));
  for (const issue of gh.store.issues) {
    if (issue.user !== bot || issue.state !== 'open') continue;
    const key = parseKeyMarker(issue.body)?.key;
    if (key === undefined || !wanted.has(key))
      unexpected.push(
        `other open issue: ${gh.store.repos.get(issue.repoId)?.name ?? '?'}#${issue.number} "${issue.title}" (${key ?? 'no key marker'}; labels ${issue.labels.join(', ')})`,
      );
    else open.set(key, (open.get(key) ?? 0) + 1);
  }
  const ids = world.stale.map((key) => key.id);
  return {
    stale: ids.length,
    exactlyOne: ids.filter((id) => open.get(id) === 1).length,
    missing: ids.filter((id) => !open.has(id)),
    duplicated: ids.filter((id) => (open.get(id) ?? 0) > 1),
    unexpected,
  };
}

export interface BudgetCheck {
  /** The largest share of its hourly budget any installation used, 0–1. */
  highestShare: number;
  /** Installations that used more than their budget. */
  over: number;
}

/** Each installation's budget as the emulator keeps it (its clock stands still: one window for the whole world). */
export function checkBudgets(gh: GitHubEmulator, world: SweepWorld): BudgetCheck {
  let highestShare = 0;
  let over = 0;
  for (const { installation } of world.installations) {
    const status = gh.rateLimiter.status(`installation:${installation.id}`);
    highestShare = Math.max(highestShare, status.used / status.limit);
    if (status.used > status.limit) over += 1;
  }
  return { highestShare, over };
}
