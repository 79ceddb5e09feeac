import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ActionRun } from '../../support/run-action.js';

const require = createRequire(import.meta.url);
type Payload = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: Payload[];
}[];

/** A real payload from @octokit/webhooks-examples (a deep copy), the first matching `pick`. */
export function examplePayload(name: string, pick: (p: Payload) => boolean = () => true): Payload {
  const found = examples.find((e) => e.name === name)?.examples.find(pick);
  if (!found) throw new Error(`no ${name} example`);
  return structuredClone(found);
}

export const ZERO = '0'.repeat(40);

/** GitHub's push example, adjusted to the scenario's ref and SHAs. */
export function pushPayload(fields: {
  ref: string;
  before: string;
  after: string;
  created?: boolean;
  deleted?: boolean;
  forced?: boolean;
}): Payload {
  const payload = examplePayload('push', (p) => p.ref.startsWith('refs/heads/'));
  Object.assign(payload, { created: false, deleted: false, forced: false, ...fields });
  payload.head_commit = fields.deleted ? null : { ...payload.head_commit, id: fields.after };
  payload.commits = fields.deleted ? [] : payload.commits;
  return payload;
}

/** GitHub's pull_request `synchronize` example, with the scenario's base and head. */
export function pullRequestPayload(base: string, head: string): Payload {
  const payload = examplePayload('pull_request', (p) => p.action === 'synchronize');
  payload.pull_request.base.sha = base;
  payload.pull_request.head.sha = head;
  return payload;
}

/** The SARIF file the run wrote, or '' when there is none. */
export function sarifOf(workspace: string): string {
  const path = join(workspace, 'key-hygiene.sarif');
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/**
 * The key is nowhere a reader could see it: not in the log (except the runner's own
 * `::add-mask::` command, which the runner consumes), the summary, the outputs or the SARIF file.
 */
export function expectKeyHidden(run: ActionRun, workspace: string, key: string): void {
  const log = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const tail = key.slice(12, 40);
  for (const [where, text] of Object.entries({
    log,
    stderr: run.stderr,
    summary: run.summary,
    outputs: JSON.stringify(run.outputs),
    sarif: sarifOf(workspace),
  })) {
    expect(text.includes(key), `key in ${where}`).toBe(false);
    expect(text.includes(tail), `key body in ${where}`).toBe(false);
  }
  expect(run.masked).toContain(key);
}
