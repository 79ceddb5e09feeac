import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/tracking/commands/parse-command.js';
import { decideCommand } from '../../../src/tracking/commands/decide-command.js';
import { parseKeyMarker, replaceKeyMarker } from '../../../src/tracking/key-marker.js';
import { BOT } from '../fake-issues.js';
import { at, inventoryWith, policy, prodKey, Repo, types } from '../scenario.js';

// OPENAI_API_KEY in production, last rotated 2026-06-01: due 2026-08-30, due soon from 2026-08-16.
describe('a key’s issue through its life, one sweep a day', () => {
  const repo = new Repo(inventoryWith([prodKey('2026-06-01T00:00:00Z')]));
  const comments = () => repo.issues.get(1).comments.map((c) => c.body.split('\n')[0]!);

  it('does nothing while the key is fresh', () => {
    expect(repo.sweep(at('2026-08-10'))).toEqual([]);
  });

  it('opens one issue when the key becomes due soon', () => {
    const actions = repo.sweep(at('2026-08-16'));
    expect(types(actions)).toEqual(['open']);
    const issue = repo.issues.get(1);
    expect(issue.title).toBe('Rotate OPENAI_API_KEY (production): last rotated 2026-06-01, due 2026-08-30');
    expect(issue.labels).toEqual(['key-hygiene', 'due-soon']);
    expect(issue.body).toContain('@acme/ml-platform');
    expect(parseKeyMarker(issue.body)).toMatchObject({
      state: 'due-soon',
      updatedAt: '2026-06-01T00:00:00.000Z',
      lastReminderAt: '2026-08-16T12:00:00.000Z',
    });
  });

  it('stays quiet within the week, then reminds once', () => {
    for (const day of ['2026-08-17', '2026-08-20', '2026-08-22']) expect(repo.sweep(at(day))).toEqual([]);
    expect(types(repo.sweep(at('2026-08-23')))).toEqual(['comment', 'update-body']);
    expect(comments()).toEqual([
      '@acme/ml-platform: reminder — `OPENAI_API_KEY` in `production` is due for rotation on 2026-08-30 (in 6 days).',
    ]);
    expect(repo.sweep(new Date('2026-08-23T20:00:00Z'))).toEqual([]);
  });

  it('relabels and says so the day it turns overdue, then reminds every 3 days', () => {
    const actions = repo.sweep(at('2026-08-30'));
    expect(types(actions)).toEqual(['comment', 'labels', 'update-body']);
    expect(actions[1]).toMatchObject({ add: ['overdue'], remove: ['due-soon'] });
    expect(repo.issues.get(1).labels).toEqual(['key-hygiene', 'overdue']);
    expect(comments().at(-1)).toContain('is **overdue** for rotation: it was due on 2026-08-30 (0 days ago)');
    expect(repo.sweep(at('2026-08-31'))).toEqual([]);
    expect(repo.sweep(at('2026-09-01'))).toEqual([]);
    expect(types(repo.sweep(at('2026-09-02')))).toEqual(['comment', 'update-body']);
    expect(types(repo.sweep(at('2026-09-05')))).toEqual(['comment', 'update-body']);
    expect(types(repo.sweep(at('2026-09-08')))).toEqual(['comment', 'update-body']);
    expect(types(repo.sweep(at('2026-09-11')))).toEqual(['comment', 'update-body']);
  });

  it('escalates once, escalate-after (14d) past the due date', () => {
    const actions = repo.sweep(at('2026-09-13'));
    expect(types(actions)).toEqual(['comment', 'labels', 'update-body']);
    expect(comments().at(-1)).toMatch(
      /^@acme\/security: escalating — `OPENAI_API_KEY` in `production` has been overdue for rotation for 14 days/,
    );
    expect(repo.issues.get(1).labels).toContain('escalated');
    expect(parseKeyMarker(repo.issues.get(1).body)?.escalated).toBe(true);
    expect(repo.sweep(at('2026-09-14'))).toEqual([]);
    const next = repo.sweep(at('2026-09-16'));
    expect(types(next)).toEqual(['comment', 'update-body']);
    expect(comments().filter((c) => c.includes('escalating'))).toHaveLength(1);
  });

  it('is snoozed by an approver, refused to a reader, and quiet until the snooze ends', () => {
    const issue = repo.issues.get(1);
    const base = { isBot: false, botLogin: BOT, policy, marker: parseKeyMarker(issue.body), now: at('2026-09-17') };
    const command = parseCommand('/snooze 14d waiting for the vendor’s new key UI')!;
    const refused = decideCommand(command, { ...base, actorLogin: 'mallory', actorPermission: 'read' });
    expect(refused).toMatchObject({ type: 'reply' });
    expect(refused.type === 'reply' && refused.reply).toContain('Sorry mallory');
    const done = decideCommand(command, { ...base, actorLogin: 'carol', actorPermission: 'read' });
    if (done.type !== 'update') throw new Error(`expected an update, got ${done.type}`);
    expect(done.marker.snooze).toEqual({
      until: '2026-10-01T12:00:00.000Z',
      by: 'carol',
      reason: 'waiting for the vendor’s new key UI',
    });
    issue.body = replaceKeyMarker(issue.body, done.marker);
    for (const day of ['2026-09-19', '2026-09-22', '2026-09-25', '2026-09-28']) expect(repo.sweep(at(day))).toEqual([]);
  });

  it('closes with "rotated on …; next due …" when updated_at moves past the marker', () => {
    repo.inventory = inventoryWith([prodKey('2026-09-29T09:00:00Z')]);
    const actions = repo.sweep(at('2026-09-30'));
    expect(types(actions)).toEqual(['close']);
    expect(repo.issues.get(1).state).toBe('closed');
    expect(comments().at(-1)).toBe(
      '`OPENAI_API_KEY` in `production` was rotated on 2026-09-29; next due 2026-12-28. Thank you — closing.',
    );
    expect(repo.sweep(at('2026-10-30'))).toEqual([]);
  });

  it('opens a new issue for the next round, not the closed one', () => {
    expect(types(repo.sweep(at('2026-12-15')))).toEqual(['open']);
    expect(repo.issues.open().map((i) => i.number)).toEqual([2]);
  });
});

describe('a snooze that ends', () => {
  it('reminds again on the first sweep after it, and drops it from the marker', () => {
    const repo = new Repo(inventoryWith([prodKey('2026-06-01T00:00:00Z')]));
    repo.sweep(at('2026-08-30'));
    const issue = repo.issues.get(1);
    issue.body = replaceKeyMarker(issue.body, {
      ...parseKeyMarker(issue.body)!,
      snooze: { until: at('2026-09-05').toISOString(), by: 'carol', reason: '' },
    });
    expect(repo.sweep(at('2026-09-04'))).toEqual([]);
    expect(types(repo.sweep(at('2026-09-05')))).toEqual(['comment', 'update-body']);
    expect(parseKeyMarker(issue.body)?.snooze).toBeUndefined();
  });
});
