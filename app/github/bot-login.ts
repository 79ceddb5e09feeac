import type { Probot } from 'probot';

const logins = new WeakMap<Probot, string>();

/**
 * The app's own login, `<slug>[bot]` — what GitHub shows as the author of what it writes.
 * Read once per Probot instance with the app JWT (`GET /app`).
 * https://docs.github.com/rest/apps/apps#get-the-authenticated-app
 */
export async function botLoginOf(app: Probot): Promise<string> {
  const known = logins.get(app);
  if (known) return known;
  const octokit = await app.auth();
  const { data } = await octokit.request('GET /app');
  const login = `${data?.slug ?? 'key-hygiene'}[bot]`;
  logins.set(app, login);
  return login;
}
