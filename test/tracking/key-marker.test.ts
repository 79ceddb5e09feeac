import { describe, expect, it } from 'vitest';
import { parseCommentMarker, renderCommentMarker } from '../../src/tracking/comment-marker.js';
import { parseKeyMarker, renderKeyMarker, replaceKeyMarker, type KeyMarker } from '../../src/tracking/key-marker.js';

const full: KeyMarker = {
  key: 'acme/app|environment|production|openai_api_key|rotate',
  secret: 'OPENAI_API_KEY',
  scope: 'environment',
  environment: 'production',
  state: 'overdue',
  updatedAt: '2026-06-01T00:00:00.000Z',
  dueAt: '2026-08-30T00:00:00.000Z',
  since: '2026-08-16T12:00:00.000Z',
  lastReminderAt: '2026-09-02T12:00:00.000Z',
  escalated: true,
  snooze: { until: '2026-09-30T12:00:00.000Z', by: 'carol', reason: 'vendor outage --> <b>' },
  exemption: { by: 'dave', reason: 'test key', at: '2026-09-01T00:00:00.000Z' },
};

describe('key marker', () => {
  it.each<[string, KeyMarker]>([
    ['only a key', { key: 'a|repo|*|k|shared' }],
    ['every field', full],
  ])('round-trips %s', (_, marker) => {
    expect(parseKeyMarker(`Some text\n\n${renderKeyMarker(marker)}\n`)).toEqual(marker);
  });

  it('is one hidden HTML comment whose JSON can never close it early', () => {
    const text = renderKeyMarker(full);
    expect(text.startsWith('<!-- key-hygiene:key {')).toBe(true);
    expect(text.endsWith(' -->')).toBe(true);
    expect(text.slice(4, -3)).not.toMatch(/-->|<|>/);
  });

  it('survives users editing the rest of the body', () => {
    const body = `Original text\n\n${renderKeyMarker(full)}\n`;
    const edited = `# My own heading\n\n- [x] talked to vendor\n\n${body.replace('Original text', 'Rewritten <!-- a user comment --> text')}\n\nThanks!`;
    expect(parseKeyMarker(edited)).toEqual(full);
  });

  it('replaces only the marker, keeping the user’s edits, and appends one when the body has none', () => {
    const body = `User text\n\n${renderKeyMarker({ key: 'k', state: 'due-soon' })}\n\nmore user text`;
    const replaced = replaceKeyMarker(body, { key: 'k', state: 'overdue' });
    expect(replaced).toBe(`User text\n\n${renderKeyMarker({ key: 'k', state: 'overdue' })}\n\nmore user text`);
    expect(replaceKeyMarker('no marker here\n\n', { key: 'k' })).toBe(
      `no marker here\n\n${renderKeyMarker({ key: 'k' })}\n`,
    );
  });

  it('reads the last marker when a body holds two (a user pasted an old one above)', () => {
    const body = `${renderKeyMarker({ key: 'old' })}\n${renderKeyMarker({ key: 'new' })}`;
    expect(parseKeyMarker(body)?.key).toBe('new');
  });

  it.each<[string, string, KeyMarker | undefined]>([
    ['no marker', 'just text', undefined],
    ['empty body', '', undefined],
    ['unterminated comment', '<!-- key-hygiene:key {"key":"k"}', undefined],
    ['not JSON, no key', '<!-- key-hygiene:key nonsense -->', undefined],
    ['JSON array', '<!-- key-hygiene:key ["k"] -->', undefined],
    ['key not a string', '<!-- key-hygiene:key {"key":5,"state":"overdue"} -->', undefined],
    [
      'broken JSON with a readable key: identity kept, state dropped',
      '<!-- key-hygiene:key {"key":"a|repo|*|k|shared","state":"overdue",,, -->',
      { key: 'a|repo|*|k|shared' },
    ],
    [
      'fields of the wrong type dropped one by one',
      '<!-- key-hygiene:key {"key":"k","state":"on-fire","escalated":"yes","updatedAt":"yesterday","lastReminderAt":"2026-01-02T00:00:00Z","snooze":{"until":"never","by":"x"},"exemption":[1]} -->',
      { key: 'k', lastReminderAt: '2026-01-02T00:00:00.000Z' },
    ],
    ['a similar but different tag', '<!-- key-hygiene:keys {"key":"k"} -->', undefined],
  ])('tampered: %s', (_, body, expected) => {
    expect(parseKeyMarker(body)).toEqual(expected);
  });

  it('never throws, whatever the body', () => {
    const pieces = [
      '<!--',
      ' key-hygiene:key ',
      '{',
      '}',
      '"key"',
      ':',
      '"k"',
      '-->',
      '\\',
      'null',
      '\u0000',
      '%',
      '[',
      ']',
    ];
    for (let seed = 1; seed < 500; seed++) {
      let s = '';
      for (let i = 0, x = seed; i < 12; i++, x = (x * 1103515245 + 12345) % 2 ** 31) s += pieces[x % pieces.length];
      expect(() => parseKeyMarker(s)).not.toThrow();
    }
    expect(parseKeyMarker(null)).toBeUndefined();
  });

  it('reads a megabyte body in linear time', () => {
    const body = '<!-- '.repeat(100_000) + '\n<!-- key-hygiene:'.repeat(50_000) + '\n' + renderKeyMarker({ key: 'k' });
    const start = performance.now();
    expect(parseKeyMarker(body)).toEqual({ key: 'k' });
    // Linear is milliseconds; quadratic over 200,000 openers is minutes. The bar sits far from both,
    // so a busy machine never trips it.
    expect(performance.now() - start).toBeLessThan(15_000);
  });
});

describe('comment marker', () => {
  it('round-trips and ignores anything it cannot read', () => {
    const m = { key: 'k', kind: 'reminder', state: 'overdue' } as const;
    expect(parseCommentMarker(`Reminder!\n\n${renderCommentMarker(m)}`)).toEqual(m);
    expect(parseCommentMarker(renderCommentMarker({ key: 'k', kind: 'duplicate' }))).toEqual({
      key: 'k',
      kind: 'duplicate',
    });
    expect(parseCommentMarker('<!-- key-hygiene:comment {"key":"k","kind":"party"} -->')).toBeUndefined();
    expect(parseCommentMarker('<!-- key-hygiene:comment {bad -->')).toBeUndefined();
    expect(parseCommentMarker('a plain comment')).toBeUndefined();
  });

  it('records which command comment a reply answers (how a redelivered webhook is answered once)', () => {
    expect(parseCommentMarker(renderCommentMarker({ key: 'k', kind: 'reply', replyTo: 42 }))).toEqual({
      key: 'k',
      kind: 'reply',
      replyTo: 42,
    });
    expect(parseCommentMarker('<!-- key-hygiene:comment {"key":"k","kind":"reply","replyTo":"42"} -->')).toEqual({
      key: 'k',
      kind: 'reply',
    });
  });
});
