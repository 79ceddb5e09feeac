import { describe, expect, it } from 'vitest';
import type { KeyDecision } from '../../../src/inventory/decision.js';
import {
  answerRecheck,
  decideCommand,
  type CommandContext,
  type Permission,
} from '../../../src/tracking/commands/decide-command.js';
import type { KeyMarker } from '../../../src/tracking/key-marker.js';
import { parseCommand } from '../../../src/tracking/commands/parse-command.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { makeKey } from '../../support/make-keys.js';
import { BOT } from '../fake-issues.js';
import { policy } from '../scenario.js';

const marker: KeyMarker = {
  key: 'acme/app|environment|production|openai_api_key|rotate',
  secret: 'OPENAI_API_KEY',
  scope: 'environment',
  environment: 'production',
  state: 'overdue',
  updatedAt: '2026-05-01T00:00:00.000Z',
  dueAt: '2026-07-30T00:00:00.000Z',
  lastReminderAt: '2026-08-02T12:00:00.000Z',
};
const now = new Date('2026-08-05T12:00:00Z');
const context = (over: Partial<CommandContext> = {}): CommandContext => ({
  actorPermission: 'write',
  actorLogin: 'alice',
  isBot: false,
  botLogin: BOT,
  policy,
  marker,
  now,
  ...over,
});
const decide = (body: string, over: Partial<CommandContext> = {}) => decideCommand(parseCommand(body)!, context(over));
const replyOf = (d: ReturnType<typeof decideCommand>): string => ('reply' in d ? d.reply : '');

describe('decideCommand', () => {
  it.each<[Permission, boolean, string]>([
    ['admin', false, 'update'],
    ['maintain', false, 'update'],
    ['write', false, 'update'],
    ['triage', false, 'reply'],
    ['read', false, 'reply'],
    ['none', false, 'reply'],
    ['read', true, 'update'],
  ])('/snooze by %s (approver through a team: %s) → %s', (actorPermission, isApprover, type) => {
    expect(decide('/snooze 7d vendor', { actorPermission, isApprover }).type).toBe(type);
  });

  it('lets a login listed in approvers change state whatever their permission, case-insensitively', () => {
    expect(decide('/exempt test key', { actorPermission: 'read', actorLogin: 'Carol' }).type).toBe('update');
  });

  it('refuses politely, naming what is needed and what is still open to everyone', () => {
    const reply = replyOf(decide('/exempt because', { actorPermission: 'read', actorLogin: 'mallory' }));
    expect(reply).toMatch(
      /^Sorry mallory, `\/exempt` changes how this key is tracked, so it needs write access to the repository or a place in the policy’s `approvers`\. Anyone can use `\/status`, `\/rotated` and `\/help`\./,
    );
  });

  it('snoozes until now + duration and records who and why', () => {
    const d = decide('/snooze 14d waiting for <b>@bob</b>');
    if (d.type !== 'update') throw new Error(d.type);
    expect(d.close).toBe(false);
    expect(d.marker).toEqual({
      ...marker,
      snooze: { until: '2026-08-19T12:00:00.000Z', by: 'alice', reason: 'waiting for <b>@bob</b>' },
    });
    expect(d.reply).toContain(
      'Snoozed: no reminders until 2026-08-19 (by alice). Reason: waiting for &lt;b&gt;@\u200bbob&lt;/b&gt;',
    );
    expect(d.reply).not.toContain('<b>');
  });

  it('refuses a snooze longer than max-snooze and explains the bound', () => {
    const d = decide('/snooze 45d long project');
    expect(d.type).toBe('reply');
    expect(replyOf(d)).toMatch(/^I can’t snooze for 45d: the policy’s `max-snooze` is 30d\. Snooze for 30d or less/);
    expect(decide('/snooze 30d ok').type).toBe('update');
  });

  it('exempts: records the exemption, drops a snooze, closes', () => {
    const d = decideCommand(
      parseCommand('/exempt test key')!,
      context({ marker: { ...marker, snooze: { until: '2026-08-10T00:00:00.000Z', by: 'x', reason: '' } } }),
    );
    if (d.type !== 'update') throw new Error(d.type);
    expect(d.close).toBe(true);
    expect(d.marker.exemption).toEqual({ by: 'alice', reason: 'test key', at: now.toISOString() });
    expect(d.marker.snooze).toBeUndefined();
  });

  it.each<[string, Partial<CommandContext>]>([
    ['another bot', { isBot: true, actorLogin: 'dependabot[bot]' }],
    ['the app itself', { actorLogin: 'key-hygiene[bot]' }],
    ['the app without its [bot] suffix', { actorLogin: 'key-hygiene' }],
    ['an issue with no key marker', { marker: undefined }],
  ])('ignores %s', (_, over) => {
    expect(decide('/exempt x', over).type).toBe('ignore');
  });

  it('answers /status and /help to anyone, and unknown commands with the help', () => {
    expect(replyOf(decide('/status', { actorPermission: 'none' }))).toMatch(
      /^Status of `OPENAI_API_KEY` in `production`:\n- state: overdue\n- last rotated: 2026-05-01\n- due: 2026-07-30\n- last reminder: 2026-08-02\n- escalated: no/,
    );
    expect(replyOf(decide('/help', { actorPermission: 'none' }))).toMatch(/^Commands I answer in this issue/);
    expect(replyOf(decide('/frobnicate'))).toMatch(/^I don’t know `\/frobnicate`\.\n\nCommands I answer/);
    expect(replyOf(decide('/snooze soon'))).toMatch(/^`\/snooze` needs a duration first/);
  });

  it('asks the adapter to re-check on /rotated, for anyone', () => {
    expect(decide('/rotated', { actorPermission: 'read' })).toEqual({ type: 'recheck' });
  });

  it('marks every reply as the bot’s own, so it is never read as a command or a reminder', () => {
    expect(replyOf(decide('/status'))).toContain(
      '<!-- key-hygiene:comment {"key":"acme/app|environment|production|openai_api_key|rotate","kind":"reply"} -->',
    );
  });
});

describe('replies name the command they answer', () => {
  it('puts the comment id in the reply marker, for /status and for a re-check answer', () => {
    expect(parseCommentMarker(replyOf(decide('/status', { commentId: 7 })))).toMatchObject({
      kind: 'reply',
      replyTo: 7,
    });
    expect(parseCommentMarker(answerRecheck(marker, undefined, 8))).toMatchObject({ kind: 'reply', replyTo: 8 });
  });
});

describe('answerRecheck', () => {
  const decision = (updatedAt: string): KeyDecision => ({
    kind: 'key',
    status: 'overdue',
    level: 'error',
    secret: 'OPENAI_API_KEY',
    environment: 'production',
    owners: [],
    message: '',
    item: { scope: 'environment', environment: 'production', name: 'OPENAI_API_KEY', updatedAt: new Date(updatedAt) },
    dueAt: new Date('2026-07-30T00:00:00Z'),
  });
  it('says nothing when the key was rotated (the plan closes the issue)', () => {
    expect(answerRecheck(marker, decision('2026-08-05T00:00:00Z'))).toBeUndefined();
  });
  it('says what it sees when nothing changed', () => {
    expect(answerRecheck(marker, decision('2026-05-01T00:00:00Z'))).toMatch(
      /^I re-checked: `OPENAI_API_KEY` still has `updated_at` 2026-05-01, the same as before \(due 2026-07-30\)\./,
    );
    expect(answerRecheck(marker, undefined)).toMatch(/^I re-checked: I cannot find `OPENAI_API_KEY`/);
  });

  it('records a snooze or exemption reason in the marker with any key in it redacted, and answers the same way', () => {
    const key = makeKey('openai-project-key', 63);
    const snoozed = decide(`/snooze 7d the old one was ${key}`);
    const exempted = decide(`/exempt revoked ${key} already`);
    for (const d of [snoozed, exempted]) {
      expect(JSON.stringify(d)).not.toContain(key.slice(8, -4));
      expect(replyOf(d)).toContain(`…${key.slice(-4)}`);
    }
    expect(snoozed.type === 'update' && snoozed.marker.snooze?.reason).toBe(`the old one was …${key.slice(-4)}`);
    expect(exempted.type === 'update' && exempted.marker.exemption?.reason).toBe(`revoked …${key.slice(-4)} already`);
  });
});
