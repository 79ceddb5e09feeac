import { Probot } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppOctokit } from '../../../app/octokit/octokit.js';
import { ContentCapReached, guardContent, isContentCapReached } from '../../../app/queue/guard-content.js';
import type { RunBudget } from '../../../app/queue/run-budget.js';
import type { GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { TestOctokit } from '../support/app-world.js';
import { createQueueWorld } from './queue-world.js';

// The guard in front of a real installation client talking to the emulator; the budget is a plain
// counter here (Redis's is tested with the queue: test/app/queue/bullmq.test.ts).

let gh: GitHubEmulator;
let installation: InstallationRecord;
let probot: Probot;
beforeAll(async () => {
  let app;
  ({ gh, app, installation } = await createQueueWorld(1));
  probot = new Probot({
    appId: app.id,
    privateKey: app.privateKey,
    baseUrl: gh.apiV3Url,
    Octokit: TestOctokit,
    logLevel: 'fatal',
  });
});
afterAll(async () => {
  await gh?.close();
});

function counter(left: number): RunBudget & { spent: number } {
  const budget = {
    spent: 0,
    left: async () => left,
    take: async () => (left > 0 ? (left--, budget.spent++, true) : false),
    spend: async (n: number) => void (budget.spent += n),
  };
  return budget;
}

describe('guardContent', () => {
  it('takes one per issue or comment created; past the budget it stops the write; reads, edits and a twin’s closing note pass', async () => {
    const octokit = (await probot.auth(installation.id)) as AppOctokit;
    const budget = counter(1);
    const { taken } = guardContent(octokit, budget);
    const at = { owner: 'acme', repo: 'r01' };

    const { data: opened } = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...at, title: 'one' });
    await expect(octokit.request('POST /repos/{owner}/{repo}/issues', { ...at, title: 'two' })).rejects.toThrow(
      ContentCapReached,
    );
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...at,
        issue_number: 999,
        body: 'x',
      }),
    ).rejects.toSatisfy(isContentCapReached);
    // Reading and editing are not content.
    await octokit.request('GET /repos/{owner}/{repo}/issues', at);
    await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...at,
      issue_number: opened.number,
      body: 'edited',
    });
    // Closing a twin this client just opened says why, over the cap: it undoes a duplicate.
    await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...at,
      issue_number: opened.number,
      body: 'duplicate of #1',
    });

    expect(gh.store.issues.map((i) => i.title)).toEqual(['one']);
    expect(gh.store.comments.map((c) => c.body)).toEqual(['duplicate of #1']);
    expect(taken()).toBe(2);
    expect(budget.spent).toBe(2);
  });
});
