import { describe, expect, it } from 'vitest';
import { renderCommentMarker, type CommentMarker } from '../../../src/tracking/comment-marker.js';
import { claimedNotice, noticeAlreadyPosted } from '../../../src/tracking/key-issues/repeat-notice.js';

// What a notice's re-read decides (app/repo/notice-claimed.ts): which comments are claimed at all,
// and which comment posted since the plan means another sweep already said it.

const KEY = 'acme/api|repo|*|openai_api_key|rotate';
const BOT = 'key-hygiene[bot]';
const body = (marker: CommentMarker, text = 'Rotate it.') => `${text}\n\n${renderCommentMarker(marker)}`;
const posted = (marker: CommentMarker, author = BOT) => ({
  author,
  createdAt: '2026-06-01T12:00:00Z',
  body: body(marker),
});

describe('claimedNotice', () => {
  it('claims reminders, escalations and closing words; not command answers, duplicates, exemptions or unmarked text', () => {
    for (const kind of ['reminder', 'escalation', 'rotated', 'resolved'] as const)
      expect(claimedNotice(body({ key: KEY, kind }))?.kind).toBe(kind);
    for (const kind of ['reply', 'duplicate', 'exempt'] as const)
      expect(claimedNotice(body({ key: KEY, kind, replyTo: 7 }))).toBeUndefined();
    expect(claimedNotice('Rotate it.')).toBeUndefined();
    expect(claimedNotice(undefined)).toBeUndefined();
  });
});

describe('noticeAlreadyPosted', () => {
  const reminder: CommentMarker = { key: KEY, kind: 'reminder', state: 'overdue' };

  it('sees the same reminder or escalation the bot posted meanwhile', () => {
    expect(noticeAlreadyPosted(reminder, [posted(reminder)], BOT)).toBe(true);
    expect(noticeAlreadyPosted(reminder, [posted(reminder, 'key-hygiene')], BOT)).toBe(true);
    const escalation: CommentMarker = { key: KEY, kind: 'escalation', state: 'overdue' };
    expect(noticeAlreadyPosted(escalation, [posted(escalation)], BOT)).toBe(true);
  });

  it('does not count another notice: another kind, another state, another key, or someone else’s comment', () => {
    expect(noticeAlreadyPosted(reminder, [], BOT)).toBe(false);
    // A due-soon reminder, then the key turned overdue: the overdue reminder is news.
    expect(noticeAlreadyPosted(reminder, [posted({ ...reminder, state: 'due-soon' })], BOT)).toBe(false);
    expect(noticeAlreadyPosted({ ...reminder, kind: 'escalation' }, [posted(reminder)], BOT)).toBe(false);
    expect(noticeAlreadyPosted(reminder, [posted({ ...reminder, key: KEY.replace('openai', 'stripe') })], BOT)).toBe(
      false,
    );
    // A user pasting the bot's marker is not the bot.
    expect(noticeAlreadyPosted(reminder, [posted(reminder, 'mallory')], BOT)).toBe(false);
    expect(
      noticeAlreadyPosted(reminder, [{ author: BOT, createdAt: '2026-06-01T12:00:00Z', body: 'no marker' }], BOT),
    ).toBe(false);
  });

  it('counts any closing word for a close: rotated and resolved say the issue is done', () => {
    const rotated: CommentMarker = { key: KEY, kind: 'rotated' };
    expect(noticeAlreadyPosted(rotated, [posted(rotated)], BOT)).toBe(true);
    expect(noticeAlreadyPosted(rotated, [posted({ key: KEY, kind: 'resolved' })], BOT)).toBe(true);
    expect(noticeAlreadyPosted(rotated, [posted(reminder)], BOT)).toBe(false);
  });
});
