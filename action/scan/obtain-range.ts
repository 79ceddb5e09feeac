import type { ScanPlan } from './plan-scan.js';
import { FetchError } from './fetch-error.js';
import type { ScanGit } from './scan-git.js';

type CommitsPlan = Extract<ScanPlan, { kind: 'commits' }>;

/** The commits to scan: what `include` reaches and `exclude` does not, every one of them local. */
export interface CommitRange {
  include: string[];
  exclude: string[];
  /** What was learnt on the way, for the log (e.g. a force push's old tip gone from origin). */
  notes: string[];
}

/** Doubling depths, then --unshallow as a last resort. */
const DEPTHS: readonly (number | 'unshallow')[] = [32, 64, 128, 256, 512, 1024, 2048, 'unshallow'];

const ADVICE = 'check out with actions/checkout `fetch-depth: 0` so every commit is in the clone';

/**
 * Gets the commits a plan names into the clone, deepening until the set is closed. actions/checkout
 * fetches one commit by default (https://github.com/actions/checkout#usage, `fetch-depth: 1`), so a
 * push's range is usually not there: a scan that ran anyway would fail on "unknown revision" or
 * walk a truncated history and pass without scanning. Here it either gets the whole set or throws.
 */
export async function obtainRange(plan: CommitsPlan, git: ScanGit): Promise<CommitRange> {
  const notes: string[] = [];
  const exclude = new Set(plan.exclude);
  if (plan.excludeOtherBranches) await addOtherBranches(exclude, plan.excludeOtherBranches.except, git);
  for (const sha of plan.optionalExclude ?? []) {
    if ((await git.hasCommit(sha)) || (await git.fetch([sha], DEPTHS[0] as number)).ok) exclude.add(sha);
    else notes.push(`${sha.slice(0, 7)} is gone from origin: scanning what the other branches of origin do not have`);
  }
  let range = { include: plan.include, exclude: [...exclude] };
  const reached = await closeRange(range, git, 0);
  if (plan.excludeOtherBranchesIfMerged && (await git.hasMerges(range.include, range.exclude))) {
    // Merging main into a branch brings main's commits since `before`: they were scanned on main.
    // Only here is the remote asked for its branches, so a plain push costs no ls-remote.
    await addOtherBranches(exclude, plan.excludeOtherBranchesIfMerged.except, git);
    range = { include: plan.include, exclude: [...exclude] };
    await closeRange(range, git, reached);
    notes.push('the push merges other commits: scanning what it adds over every other branch of origin');
  }
  return { include: await peelAll(range.include, git), exclude: range.exclude, notes };
}

async function addOtherBranches(exclude: Set<string>, except: string | undefined, git: ScanGit): Promise<void> {
  for (const [ref, sha] of await git.remoteBranches()) if (ref !== except) exclude.add(sha);
}

/**
 * Fetches, deeper each time from `DEPTHS[from]` on, until the range is closed; returns the index of
 * the last depth fetched, so a second, wider range starts there (a shallower --depth could cut the
 * history fetched before).
 */
async function closeRange(
  range: { include: string[]; exclude: string[] },
  git: ScanGit,
  from: number,
): Promise<number> {
  for (let i = from; i < DEPTHS.length; i++) {
    if (await isClosed(range, git)) return Math.max(i - 1, from);
    const depth = DEPTHS[i]!;
    if (depth === 'unshallow' && (await git.shallowCommits()).size === 0) break;
    const fetched = await git.fetch([...range.include, ...range.exclude], depth);
    if (!fetched.ok) throw new FetchError(`cannot fetch ${describe(range)} from origin (${fetched.error}): ${ADVICE}`);
  }
  if (await isClosed(range, git)) return DEPTHS.length - 1;
  throw new FetchError(`cannot get the whole history of ${describe(range)} from origin: ${ADVICE}`);
}

/**
 * True when `rev-list include --not exclude` is the real set: every commit is local and none of
 * the set's bottom commits is a shallow boundary (whose parents git has not fetched). A bottom
 * with no parents at all is a true root; that is only right if the exclude side is not cut short
 * either, or a branch cut from a shallow main would take main's older history as its own.
 */
async function isClosed(range: { include: string[]; exclude: string[] }, git: ScanGit): Promise<boolean> {
  for (const sha of [...range.include, ...range.exclude]) if (!(await git.hasCommit(sha))) return false;
  const bottoms = await git.bottoms(range.include, range.exclude);
  if (bottoms.length === 0) return true;
  const shallow = await git.shallowCommits();
  if (shallow.size === 0) return true;
  if (bottoms.some((sha) => shallow.has(sha))) return false;
  if (range.exclude.length === 0) return true;
  return !(await git.bottoms(range.exclude, [])).some((sha) => shallow.has(sha));
}

async function peelAll(shas: readonly string[], git: ScanGit): Promise<string[]> {
  return Promise.all(shas.map((sha) => git.peel(sha)));
}

function describe(range: { include: string[]; exclude: string[] }): string {
  const short = (s: string) => s.slice(0, 7);
  const not = range.exclude.length
    ? ` --not ${range.exclude.slice(0, 3).map(short).join(' ')}${range.exclude.length > 3 ? ' …' : ''}`
    : '';
  return `${range.include.map(short).join(' ')}${not}`;
}
