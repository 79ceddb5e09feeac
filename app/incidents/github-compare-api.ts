import type { ChangedFile, CompareApi } from '../../src/sources/compare-source.js';
import type { AppOctokit } from '../octokit/octokit.js';

/**
 * Requests one push may spend on reading its lines, the compare included. The push webhook has 10
 * seconds to be answered, and a push of thousands of commits is a history import, not a leak check:
 * `key-hygiene scan --history` is the tool for that.
 * https://docs.github.com/webhooks/using-webhooks/best-practices-for-using-webhooks#respond-within-10-seconds
 */
export const MAX_PUSH_REQUESTS = 50;

/** The compare source's two reads, through the installation's client: one request each. */
export function githubCompareApi(octokit: AppOctokit, owner: string, repo: string): CompareApi {
  return {
    async compare(base, head) {
      // No paging parameters: then the answer holds every file (up to 300) and the newest 250 commits,
      // oldest first. With `per_page` or `page` it would list files on page 1 only and commits from the
      // oldest, a page at a time — thousands of requests to reach the newest of a history import.
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${base}...${head}`,
      });
      return {
        files: (data.files ?? []) as ChangedFile[],
        commits: data.commits.map((c) => c.sha),
        totalCommits: data.total_commits,
      };
    },
    async commitFiles(sha, page) {
      const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref: sha, page });
      return (data.files ?? []) as ChangedFile[];
    },
  };
}
