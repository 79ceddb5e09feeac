import type { AppOctokit } from '../octokit/octokit.js';
import type { RunBudget } from './run-budget.js';

/** A sweep wanted to create an issue or comment after its run's budget ran out. */
export class ContentCapReached extends Error {
  override name = 'ContentCapReached';
  constructor(what: string) {
    super(`content cap of the run reached before ${what}`);
  }
}

/** Whether `error` is {@link ContentCapReached}, however the client passed it on. */
export function isContentCapReached(error: unknown): boolean {
  return error instanceof ContentCapReached || (error as { name?: unknown } | null)?.name === 'ContentCapReached';
}

const OPEN = /^\/repos\/([^/]+)\/([^/]+)\/issues$/;
const COMMENT = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/;

/**
 * Holds the issues and comments an installation client creates to the run's shared budget, one at
 * a time, just before each is sent: processes sweeping one run at once each plan from the budget as
 * they last read it, so only the write itself can keep the run under the cap. Past it the request
 * throws {@link ContentCapReached} (the caller sweeps again with nothing left to spend, which defers
 * the rest, as one process would). The note that closes a twin this client just opened is never
 * held back — it undoes a duplicate — but still counts. Returns how many were taken.
 * https://docs.github.com/rest/issues/issues#create-an-issue
 */
export function guardContent(octokit: AppOctokit, budget: RunBudget): { taken: () => number } {
  let taken = 0;
  const opened = new Set<string>();
  octokit.hook.before('request', async (options) => {
    const { method, path } = requestOf(options as unknown as Record<string, unknown>);
    if (method !== 'POST') return;
    const open = OPEN.exec(path);
    const comment = COMMENT.exec(path);
    if (!open && !comment) return;
    if (comment && opened.has(`${comment[1]}/${comment[2]}#${comment[3]}`.toLowerCase())) {
      await budget.spend(1);
    } else if (!(await budget.take())) {
      throw new ContentCapReached(
        open
          ? `opening an issue in ${open[1]}/${open[2]}`
          : `commenting on ${comment![1]}/${comment![2]}#${comment![3]}`,
      );
    }
    taken += 1;
  });
  octokit.hook.after('request', (response, options) => {
    const { method, path } = requestOf(options as unknown as Record<string, unknown>);
    const open = method === 'POST' ? OPEN.exec(path) : null;
    const number = (response.data as { number?: unknown } | undefined)?.number;
    if (open && typeof number === 'number') opened.add(`${open[1]}/${open[2]}#${number}`.toLowerCase());
  });
  return { taken: () => taken };
}

/** The method and path of a request as the hook sees it: a route template and its parameters. */
function requestOf(options: Record<string, unknown>): { method: string; path: string } {
  const url = String(options.url ?? '').replace(/^https?:\/\/[^/]+(\/api\/v3)?/, '');
  const path = url.replace(/\{(\w+)\}/g, (_, name: string) => String(options[name] ?? `{${name}}`)).split('?')[0]!;
  return { method: String(options.method ?? 'GET').toUpperCase(), path };
}
