import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/policy/parse-config.js';
import { deriveFingerprintKey } from '../../../src/scan/fingerprint-key.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { decideCommand } from '../../../src/tracking/commands/decide-command.js';
import {
  decideIncidentCommand,
  needsProviderKeys,
  type IncidentCommandContext,
} from '../../../src/tracking/commands/decide-incident-command.js';
import { parseCommand } from '../../../src/tracking/commands/parse-command.js';
import type { IncidentMarker } from '../../../src/tracking/incident-marker.js';
import { renderIncidentHelp } from '../../../src/tracking/incidents/render-incident-close.js';
import { sealProviderKey } from '../../../src/tracking/incidents/seal-provider-key.js';
import { providerKey } from '../incidents/provider-keys.js';

// `/revoke` and `/revoke confirm` on a leak incident: who may, what the ask says, when a confirmation
// counts, and the one-line refusals.

const BOT = 'key-hygiene[bot]';
const FP = 'f'.repeat(64);
const NOW = new Date('2026-07-01T10:00:00Z');
const APP_KEY = deriveFingerprintKey('a private key for tests only', 'incident markers');
const policy = parseConfig("approvers: ['Carol']\n");
const sealed = {
  provider: 'openai' as const,
  id: 'key_abc',
  name: 'ci',
  projectId: 'proj_1',
  projectName: 'Web',
  seal: sealProviderKey(FP, { provider: 'openai', id: 'key_abc' }, APP_KEY),
};
const marker: IncidentMarker = {
  fingerprint: FP,
  detector: 'openai-project-key',
  provider: 'openai',
  providerKey: sealed,
};
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

const context = (over: Partial<IncidentCommandContext> = {}): IncidentCommandContext => ({
  actorPermission: 'write',
  actorLogin: 'wendy',
  isBot: false,
  botLogin: BOT,
  policy,
  marker,
  closed: false,
  commentId: 41,
  now: NOW,
  dryRun: false,
  adminProviders: new Set(['openai']),
  provider: { keys: [providerKey()] },
  appKey: APP_KEY,
  ...over,
});
const decide = (body: string, over: Partial<IncidentCommandContext> = {}) =>
  decideIncidentCommand(parseCommand(body)!, context(over));
const firstLine = (d: ReturnType<typeof decide>) => ('reply' in d ? d.reply.split('\n\n')[0] : d.type);

describe('/revoke on a leak incident', () => {
  it('parses /revoke and /revoke confirm; anything else after it is a mistake', () => {
    expect(parseCommand('/revoke')).toEqual({ name: 'revoke', confirm: false });
    expect(parseCommand('/Revoke CONFIRM')).toEqual({ name: 'revoke', confirm: true });
    expect(parseCommand('/revoke now')).toMatchObject({ name: 'help', problem: expect.stringContaining('`now`') });
  });

  it('asks first: provider, project, key and its redacted form, recorded in the marker', () => {
    const d = decide('/revoke');
    expect(d.type).toBe('ask');
    if (d.type !== 'ask') return;
    expect(d.reply).toMatch(
      /^This revokes the OpenAI key project Web \(`proj_1`\), key `ci` `sk-proj\.\.\.\w{3}`: .* Comment `\/revoke confirm` within 60 minutes/,
    );
    expect(d.marker.revokeAsked).toEqual({ by: 'wendy', at: NOW.toISOString() });
    expect(parseCommentMarker(d.reply)?.replyTo).toBe(41);
  });

  it('revokes on /revoke confirm within the hour of the ask, by a writer or an approver, recording who', () => {
    for (const over of [{}, { actorPermission: 'read' as const, actorLogin: 'carol' }]) {
      const d = decide('/revoke confirm', {
        ...over,
        marker: { ...marker, revokeAsked: { by: 'x', at: minutesAgo(59) } },
      });
      expect(d.type).toBe('revoke');
      if (d.type !== 'revoke') return;
      expect(d.key.id).toBe('key_abc');
      expect(d.marker.revoked).toEqual({ by: over.actorLogin ?? 'wendy', at: NOW.toISOString() });
      expect(d.marker.revokeAsked).toBeUndefined();
      expect(parseCommentMarker(d.replyMarker)?.replyTo).toBe(41);
    }
  });

  it('a confirmation with no ask, or one older than an hour, or from the future, asks for /revoke first', () => {
    for (const revokeAsked of [undefined, { by: 'x', at: minutesAgo(61) }, { by: 'x', at: minutesAgo(-5) }]) {
      const d = decide('/revoke confirm', { marker: { ...marker, ...(revokeAsked && { revokeAsked }) } });
      expect(firstLine(d)).toBe(
        'Comment `/revoke` first: I say what it revokes, then `/revoke confirm` within 60 minutes goes ahead.',
      );
    }
  });

  it('dry-run: the confirmation needs no recorded ask (none was written) and is still decided, for the adapter to log', () => {
    expect(decide('/revoke confirm', { dryRun: true }).type).toBe('revoke');
  });

  it.each<[string, Partial<IncidentCommandContext>, RegExp]>([
    [
      'a reader',
      { actorPermission: 'read', actorLogin: 'rita' },
      /^Sorry rita, `\/revoke` revokes the key at its provider, so it needs write access/,
    ],
    [
      'no admin key on the server',
      { adminProviders: new Set() },
      /^This App’s server has no OpenAI admin key \(`KEY_HYGIENE_OPENAI_ADMIN_KEY`\)/,
    ],
    [
      'a key not found when the incident opened',
      { marker: { ...marker, providerKey: undefined } as IncidentMarker },
      /^I did not find this key among OpenAI’s keys/,
    ],
    [
      'a provider without an admin API',
      { marker: { fingerprint: FP, provider: 'github' } },
      /^I can revoke only OpenAI and Anthropic keys/,
    ],
    [
      'a marker edited to another key',
      { marker: { ...marker, providerKey: { ...sealed, id: 'key_ceo' } } },
      /^This incident’s record of the OpenAI key was edited, so I revoke nothing from it\.$/,
    ],
    [
      'a provider that cannot be read',
      { provider: { failed: 'OpenAI answered 503' } },
      /^I could not ask OpenAI about this key just now: OpenAI answered 503\. Try again later\.$/,
    ],
  ])('refuses in one line: %s', (_, over, line) => {
    for (const body of ['/revoke', '/revoke confirm']) {
      const d = decide(body, over);
      expect(d.type).toBe('reply');
      expect(firstLine(d)).toMatch(line);
      expect(firstLine(d)).not.toContain('\n');
    }
  });

  it('a key the provider no longer lists as active: nothing to revoke, the incident closes', () => {
    const d = decide('/revoke', { provider: { keys: [] } });
    expect(d.type).toBe('close');
    expect(firstLine(d)).toMatch(/^\*\*No longer active at OpenAI\*\*/);
    expect(firstLine(decide('/revoke', { provider: { keys: [] }, closed: true }))).toMatch(/^\*\*No longer active/);
  });

  it('/status and /rotated say whether the key is still active; /rotated closes once it is not', () => {
    expect(firstLine(decide('/status'))).toMatch(/^\*\*Still active at OpenAI\*\* — project Web/);
    expect(firstLine(decide('/status', { provider: { failed: 'OpenAI answered 503' } }))).toBe(
      'I could not ask OpenAI about this key just now: OpenAI answered 503.',
    );
    expect(decide('/rotated').type).toBe('reply');
    expect(decide('/rotated', { provider: { keys: [providerKey({ status: 'inactive' })] } }).type).toBe('close');
    expect(needsProviderKeys(parseCommand('/status')!, marker, new Set(['openai']))).toBe(true);
    expect(needsProviderKeys(parseCommand('/status')!, marker, new Set())).toBe(false);
    expect(needsProviderKeys(parseCommand('/help')!, marker, new Set(['openai']))).toBe(false);
  });

  it('the incident help lists /revoke and /revoke confirm; on a key issue /revoke explains where it belongs', () => {
    expect(renderIncidentHelp()).toMatch(
      /\| `\/revoke` \|[^\n]*\| write access or an approver \|\n\| `\/revoke confirm` \|/,
    );
    const keyIssue = decideCommand(parseCommand('/revoke')!, {
      actorPermission: 'write',
      actorLogin: 'wendy',
      isBot: false,
      botLogin: BOT,
      policy,
      marker: { key: 'acme/api|repo|*|openai_api_key|rotate' },
      now: NOW,
    });
    expect('reply' in keyIssue && keyIssue.reply).toMatch(
      /^`\/revoke` revokes a leaked key at its provider, on leak incidents/,
    );
  });
});
