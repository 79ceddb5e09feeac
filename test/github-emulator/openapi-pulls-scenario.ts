import type { World } from './fixture.js';

/** openapi.test.ts's request helper: records the answer for the schema check. */
export type Hit = (method: string, path: string, body?: unknown, auth?: string) => Promise<unknown>;

/**
 * The conformance scenario's part for branches, file writes and pull requests (for
 * onboarding), with the write permissions they need, and their error answers.
 */
export async function runPullScenario(hit: Hit, world: World): Promise<void> {
  // `hit` always sends the world's token: lend it the write permissions for this part only.
  const token = world.gh.store.tokens.get(world.token)!;
  const saved = token.permissions;
  token.permissions = { ...saved, contents: 'write', pull_requests: 'write', workflows: 'write' };
  try {
    await requests(hit);
  } finally {
    token.permissions = saved;
  }
}

async function requests(hit: Hit): Promise<void> {
  const content = (text: string) => Buffer.from(text).toString('base64');
  const main = (await hit('GET', '/repos/acme/api/git/ref/heads/main')) as { object: { sha: string } };
  await hit('POST', '/repos/acme/api/git/refs', { ref: 'refs/heads/onboard', sha: main.object.sha });
  await hit('POST', '/repos/acme/api/git/refs', { ref: 'refs/heads/onboard', sha: main.object.sha });
  const created = (await hit('PUT', '/repos/acme/api/contents/.github/workflows/key-hygiene.yml', {
    message: 'Add workflow',
    content: content('on: push\n'),
    branch: 'onboard',
  })) as { content: { sha: string } };
  await hit('PUT', '/repos/acme/api/contents/.github/workflows/key-hygiene.yml', {
    message: 'Edit',
    content: content('on: [push]\n'),
    branch: 'onboard',
    sha: created.content.sha,
  });
  // Not here: the stale-sha 409. GitHub's description types it `oneOf` two schemas whose fields are
  // all optional, so every body matches both and none validates; git-refs.test.ts checks it.
  await hit('PUT', '/repos/acme/api/contents/.github/workflows/key-hygiene.yml', {
    message: 'No sha',
    content: content('x\n'),
    branch: 'onboard',
  });
  const pull = (await hit('POST', '/repos/acme/api/pulls', {
    title: 'Configure Key Hygiene',
    head: 'onboard',
    base: 'main',
    body: 'what the bot will do',
  })) as { number: number };
  await hit('POST', '/repos/acme/api/pulls', { title: 'Twice', head: 'onboard', base: 'main' });
  await hit('GET', '/repos/acme/api/pulls?state=all&head=acme:onboard');
  await hit('GET', `/repos/acme/api/pulls/${pull.number}`);
  await hit('PATCH', `/repos/acme/api/pulls/${pull.number}`, { body: 'edited', state: 'closed' });
}
