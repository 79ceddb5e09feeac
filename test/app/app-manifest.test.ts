import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// app.yml is registered on GitHub as a manifest; GitHub rejects the whole registration for one bad
// entry. These checks hold it to GitHub's rules, with every list of names taken from GitHub's own
// descriptions in node_modules rather than written here.
// https://docs.github.com/apps/sharing-github-apps/registering-a-github-app-from-a-manifest

const require = createRequire(import.meta.url);

interface Manifest {
  name?: unknown;
  url?: unknown;
  hook_attributes?: { url?: unknown };
  default_permissions?: Record<string, unknown>;
  default_events?: unknown[];
}

interface OpenApi {
  components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }> };
  'x-webhooks': Record<string, { post: { summary?: string; externalDocs?: { url?: string } } }>;
}

const manifest = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as Manifest;
const openapi = require('@octokit/openapi/generated/api.github.com.json') as OpenApi;

/** Permission name → levels GitHub allows for it, from the `app-permissions` schema. */
const LEVELS = new Map(
  Object.entries(openapi.components.schemas['app-permissions']?.properties ?? {}).map(([name, schema]) => [
    name,
    schema.enum ?? [],
  ]),
);

/** Every webhook event name, from the event payload map of `@octokit/webhooks-types`. */
function webhookEventNames(): Set<string> {
  const text = readFileSync(require.resolve('@octokit/webhooks-types/schema.d.ts'), 'utf8');
  const block = /export interface EventPayloadMap \{([\s\S]*?)\n\}/.exec(text)?.[1] ?? '';
  return new Set([...block.matchAll(/^\s+"?([a-z0-9_]+)"?:/gm)].map((match) => match[1] as string));
}

/**
 * The permission an App needs to subscribe to an event, from the sentence GitHub writes into each
 * webhook's description ("… at least read-level access for the "Issues" repository permission").
 * The title is GitHub's display name; its snake_case form is the manifest's permission key.
 */
function eventPermissions(): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  for (const hook of Object.values(openapi['x-webhooks'])) {
    const event = hook.post.externalDocs?.url?.split('#')[1];
    if (!event) continue;
    const titles = [
      ...(hook.post.summary ?? '').matchAll(/access for the "([^"]+)" (?:repository|organization) permission/g),
    ];
    const names = found.get(event) ?? new Set<string>();
    for (const [, title] of titles) names.add((title as string).toLowerCase().replace(/ /g, '_'));
    found.set(event, names);
  }
  return new Map([...found].map(([event, names]) => [event, [...names]]));
}

/** GitHub sends these to every App and refuses a manifest that asks for them. */
const SENT_UNASKED = ['installation', 'installation_repositories'];

describe('app.yml as a GitHub App manifest', () => {
  it('has the fields GitHub requires: a name, a homepage url and a webhook url', () => {
    expect(typeof manifest.name === 'string' && manifest.name.trim() !== '').toBe(true);
    expect(String(manifest.url)).toMatch(/^https?:\/\/\S+$/);
    expect(String(manifest.hook_attributes?.url)).toMatch(/^https?:\/\/\S+$/);
  });

  it('asks only for real permissions, each at a level GitHub offers for it', () => {
    expect(LEVELS.size).toBeGreaterThan(20);
    const wrong = Object.entries(manifest.default_permissions ?? {}).filter(
      ([name, level]) => !(LEVELS.get(name) ?? []).includes(String(level)),
    );
    expect(wrong).toEqual([]);
  });

  it('subscribes only to real webhook events', () => {
    const names = webhookEventNames();
    expect(names.has('push')).toBe(true);
    expect((manifest.default_events ?? []).filter((event) => !names.has(String(event)))).toEqual([]);
  });

  it('does not ask for the events GitHub sends every App unasked (GitHub rejects the manifest)', () => {
    expect((manifest.default_events ?? []).filter((event) => SENT_UNASKED.includes(String(event)))).toEqual([]);
  });

  it('grants each subscribed event the permission GitHub requires for it', () => {
    const needs = eventPermissions();
    const granted = manifest.default_permissions ?? {};
    const missing = (manifest.default_events ?? []).flatMap((event) => {
      const required = needs.get(String(event));
      if (!required || required.length === 0) return [`${String(event)}: GitHub documents no permission for it`];
      // Any one of the documented permissions lets an App subscribe.
      return required.some((name) => name in granted) ? [] : [`${String(event)} needs one of ${required.join(', ')}`];
    });
    expect(missing).toEqual([]);
  });

  it("reads the requirements it checks from GitHub's descriptions, so the check above is not vacuous", () => {
    const needs = eventPermissions();
    expect(needs.get('issue_comment')).toEqual(['issues']);
    expect(needs.get('push')).toEqual(['contents']);
    expect(needs.get('secret_scanning_alert')).toEqual(['secret_scanning_alerts']);
  });
});
