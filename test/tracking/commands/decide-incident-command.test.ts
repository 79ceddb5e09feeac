import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/policy/parse-config.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { decideCommand, type Permission } from '../../../src/tracking/commands/decide-command.js';
import {
  decideIncidentCommand,
  needsSecrets,
  type IncidentCommandContext,
} from '../../../src/tracking/commands/decide-incident-command.js';
import { incidentSecrets } from '../../../src/tracking/incidents/incident-close-secrets.js';
import type { IncidentMarker } from '../../../src/tracking/incident-marker.js';
import { parseCommand } from '../../../src/tracking/commands/parse-command.js';

const BOT = 'key-hygiene[bot]';
const policy = parseConfig("approvers: ['Carol', '@acme/security']\n");
const marker: IncidentMarker = {
  fingerprint: 'f'.repeat(64),
  detector: 'openai-project-key',
  provider: 'openai',
  since: '2026-07-01T10:00:00.000Z',
};
const secretsAt = (...updated: string[]) =>
  incidentSecrets({
    marker,
    secrets: updated.map((at, i) => ({
      scope: i === 0 ? 'repo' : 'environment',
      ...(i > 0 && { environment: `env${i}` }),
      name: 'OPENAI_API_KEY',
      updatedAt: new Date(at),
    })),
    skippedScopes: [],
    policy,
  });

const context = (over: Partial<IncidentCommandContext> = {}): IncidentCommandContext => ({
  actorPermission: 'write',
  actorLogin: 'wendy',
  isBot: false,
  botLogin: BOT,
  policy,
  marker,
  closed: false,
  commentId: 41,
  ...over,
});
const decide = (body: string, over: Partial<IncidentCommandContext> = {}) =>
  decideIncidentCommand(parseCommand(body)!, context(over));
const replyOf = (d: ReturnType<typeof decideIncidentCommand>): string => ('reply' in d ? d.reply : '');

describe('decideIncidentCommand', () => {
  it('parses /resolved with an optional note', () => {
    expect(parseCommand('/resolved revoked at OpenAI, rotated everywhere')).toEqual({
      name: 'resolved',
      note: 'revoked at OpenAI, rotated everywhere',
    });
    expect(parseCommand('/RESOLVED')).toEqual({ name: 'resolved', note: '' });
  });

  it.each<[Permission, boolean, string]>([
    ['admin', false, 'close'],
    ['maintain', false, 'close'],
    ['write', false, 'close'],
    ['triage', false, 'reply'],
    ['read', false, 'reply'],
    ['none', false, 'reply'],
    ['read', true, 'close'],
  ])('/resolved by %s (approver through a team: %s) → %s', (actorPermission, isApprover, type) => {
    expect(decide('/resolved', { actorPermission, isApprover }).type).toBe(type);
  });

  it('closes on /resolved naming who resolved it, the note quoted, the reply marked as answering the command', () => {
    const d = decide('/resolved revoked by @bob <b>now</b>');
    expect(d.type).toBe('close');
    expect(replyOf(d)).toMatch(
      /^Resolved by wendy: closing this incident\. Note: revoked by @\u200bbob &lt;b&gt;now&lt;\/b&gt;/,
    );
    expect(parseCommentMarker(replyOf(d))).toEqual({ key: 'incident:ffffffffffff', kind: 'resolved', replyTo: 41 });
  });

  it('lets a login in approvers resolve whatever its case, and refuses others in one line', () => {
    expect(decide('/resolved', { actorPermission: 'read', actorLogin: 'carol' }).type).toBe('close');
    const refusal = replyOf(decide('/resolved', { actorPermission: 'read', actorLogin: 'rita' }));
    expect(refusal.split('\n\n')[0]).toBe(
      'Sorry rita, `/resolved` closes this incident, so it needs write access to the repository or a place in the policy’s `approvers`. Anyone can use `/status`, `/rotated` and `/help`.',
    );
    expect(parseCommentMarker(refusal)).toMatchObject({ kind: 'reply', replyTo: 41 });
  });

  it('ignores bots and the app itself', () => {
    expect(decide('/resolved', { isBot: true }).type).toBe('ignore');
    expect(decide('/resolved', { actorLogin: 'Key-Hygiene[bot]' }).type).toBe('ignore');
  });

  it('answers /status with what was rotated after the leak and what not', () => {
    expect(needsSecrets(parseCommand('/status')!)).toBe(true);
    expect(needsSecrets(parseCommand('/resolved')!)).toBe(false);
    const reply = replyOf(decide('/status', { secrets: secretsAt('2026-07-02T00:00:00Z', '2026-05-01T00:00:00Z') }));
    expect(reply).toContain('Leak seen 2026-07-01 10:00 UTC.');
    expect(reply).toContain(
      '- ✅ `OPENAI_API_KEY` (repository): updated 2026-07-02 00:00 UTC — rotated after the leak',
    );
    expect(reply).toContain(
      '- ⏳ `OPENAI_API_KEY` (environment `env1`): updated 2026-05-01 00:00 UTC — not since the leak',
    );
    expect(reply).toContain('I close this incident once that one is updated too');
  });

  it('says on /status when no secret matches that only /resolved closes the incident', () => {
    const reply = replyOf(decide('/status', { secrets: secretsAt() }));
    expect(reply).toMatch(/I see no secret for `openai`.*such as `OPENAI_API_KEY`.*comment `\/resolved`/);
  });

  it('closes on /rotated when every secret was rotated, else re-checks aloud', () => {
    const rotated = decide('/rotated', { secrets: secretsAt('2026-07-02T00:00:00Z') });
    expect(rotated.type).toBe('close');
    expect(parseCommentMarker(replyOf(rotated))).toMatchObject({ kind: 'rotated', replyTo: 41 });
    const waiting = decide('/rotated', { secrets: secretsAt('2026-07-02T00:00:00Z', '2026-05-01T00:00:00Z') });
    expect(waiting.type).toBe('reply');
    expect(replyOf(waiting)).toMatch(/^I re-checked\. Leak seen/);
  });

  it('answers /resolved on a closed incident, key-issue commands and unknown ones with the incident help', () => {
    expect(replyOf(decide('/resolved', { closed: true }))).toMatch(/^This incident is already closed\./);
    expect(replyOf(decide('/snooze 7d later'))).toMatch(
      /^`\/snooze` is for rotation reminders; this is a leak incident\.[\s\S]*`\/resolved <note>`/,
    );
    expect(replyOf(decide('/frobnicate'))).toMatch(
      /^I don’t know `\/frobnicate`\.[\s\S]*Commands I answer on a leak incident/,
    );
  });

  it('answers /resolved on a key issue by pointing to /rotated and /exempt', () => {
    const keyMarker = { key: 'acme/app|repo|*|openai_api_key|rotate', secret: 'OPENAI_API_KEY' };
    const d = decideCommand(parseCommand('/resolved')!, {
      actorPermission: 'write',
      actorLogin: 'wendy',
      isBot: false,
      botLogin: BOT,
      policy,
      marker: keyMarker,
      now: new Date('2026-07-01T00:00:00Z'),
      commentId: 5,
    });
    expect(d.type).toBe('reply');
    expect('reply' in d ? d.reply : '').toMatch(
      /^`\/resolved` closes leak incidents; this issue tracks a key’s rotation\. Rotate the key and comment `\/rotated`/,
    );
  });
});
