import { describe, expect, it } from 'vitest';
import { matchRedacted, readRedacted } from '../../src/audit/match-redacted.js';
import type { ProviderKey } from '../../src/audit/provider-admin.js';
import { makeKey } from '../support/make-keys.js';

// Keys are made at test time (make-keys.ts) and redacted here the way each provider documents:
// OpenAI `sk-abc...def`, Anthropic `sk-ant-api03-R2D...igAA`.

const openai = makeKey('openai-project-key', 31);
const openaiOther = makeKey('openai-project-key', 32);
const anthropic = makeKey('anthropic-api-key', 33);

function key(id: string, redacted: string | null): ProviderKey {
  return {
    provider: 'openai',
    id,
    name: id,
    redacted,
    kind: 'project',
    project: null,
    owner: null,
    createdAt: '2026-01-01T00:00:00Z',
    lastUsedAt: null,
    expiresAt: null,
    status: 'active',
  };
}

const redact = (value: string, head: number, tail: number, mask = '...') =>
  `${value.slice(0, head)}${mask}${tail ? value.slice(-tail) : ''}`;
const ids = (result: ReturnType<typeof matchRedacted>) =>
  result.kind === 'one' ? [result.key.id] : result.kind === 'ambiguous' ? result.keys.map((k) => k.id) : [];

describe('matchRedacted', () => {
  it("finds the key by OpenAI's and Anthropic's documented redacted forms", () => {
    const keys = [
      key('key_a', redact(openai, 6, 3)),
      key('key_b', redact(openaiOther, 6, 3)),
      key('apikey_c', redact(anthropic, 16, 4)),
    ];
    expect(matchRedacted(openai, keys)).toEqual({ kind: 'one', key: keys[0] });
    expect(ids(matchRedacted(anthropic, keys))).toEqual(['apikey_c']);
    expect(ids(matchRedacted(`  ${openaiOther}\n`, keys))).toEqual(['key_b']);
  });

  it.each([
    ['…', 8, 4],
    ['***', 3, 4],
    ['********************', 0, 4],
    ['•••••', 10, 0],
    ['...***', 7, 2],
  ])('reads the mask %j with %i characters before and %i after', (mask, head, tail) => {
    expect(ids(matchRedacted(openai, [key('k', redact(openai, head, tail, mask))]))).toEqual(['k']);
  });

  it('is exact about what is shown: head a prefix, tail a suffix, the value longer than both', () => {
    const wrongTail = `${openai.slice(0, 6)}...${openai.slice(-3, -1)}x`;
    const wrongHead = `x${openai.slice(1, 6)}...${openai.slice(-3)}`;
    const tooLong = `${openai.slice(0, 10)}...${openai.slice(5)}`; // shows more than the value holds
    const whole = openai.slice(0, 20) + '...' + openai.slice(20); // hides nothing
    for (const form of [wrongTail, wrongHead, tooLong, whole])
      expect(matchRedacted(openai, [key('k', form)])).toEqual({ kind: 'none', unreadable: 0 });
  });

  it('reports every key that fits, never picking one', () => {
    const keys = [key('key_a', redact(openai, 3, 0)), key('key_b', redact(openaiOther, 3, 0)), key('key_c', 'x...y')];
    expect(matchRedacted(openai, keys)).toEqual({ kind: 'ambiguous', keys: [keys[0], keys[1]] });
  });

  it('a form with no mask is the whole value: its length must agree', () => {
    expect(ids(matchRedacted(openai, [key('k', openai)]))).toEqual(['k']);
    expect(matchRedacted(openai, [key('k', openai.slice(0, -1))]).kind).toBe('none');
    expect(matchRedacted(openai, [key('k', `${openai}x`)]).kind).toBe('none');
    // A lone dot is shown text, not a mask.
    expect(matchRedacted(openai, [key('k', `${openai.slice(0, 6)}.${openai.slice(-3)}`)]).kind).toBe('none');
  });

  it('counts forms it cannot read, and matches none of them', () => {
    const keys = [
      key('a', null),
      key('b', ''),
      key('c', '   '),
      key('d', '...'),
      key('e', '****'),
      key('f', `${openai.slice(0, 4)}...${openai.slice(10, 12)}...${openai.slice(-2)}`),
      key('g', `${openai.slice(0, 6)}...${'x'.repeat(600)}`),
    ];
    expect(matchRedacted(openai, keys)).toEqual({ kind: 'none', unreadable: keys.length });
  });

  it('treats regular-expression metacharacters as text', () => {
    const keys = ['.*...$', '^(a+)+$...', '[sk-]...\\d', '(?<secret>.*)', 'sk-.+?...*'].map((f, i) => key(`k${i}`, f));
    expect(matchRedacted(openai, keys).kind).toBe('none');
    expect(ids(matchRedacted('(a+)+$abc', [key('k', '(a+)+...bc')]))).toEqual(['k']);
  });

  it('reads hostile forms in bounded time: huge, mask-only, alternating', () => {
    const huge = [
      key('a', 'a'.repeat(5_000_000)),
      key('b', '.'.repeat(5_000_000)),
      key('c', '.a'.repeat(2_500_000)),
      key('d', `${openai.slice(0, 6)}${'*'.repeat(5_000_000)}${openai.slice(-3)}`),
      ...Array.from({ length: 10_000 }, (_, i) => key(`n${i}`, `sk-${'.a'.repeat(200)}`)),
    ];
    // Generous: a quadratic reading of these would take minutes, not seconds.
    const started = Date.now();
    expect(matchRedacted(`sk-${'a'.repeat(1_000_000)}`, huge)).toEqual({ kind: 'none', unreadable: 4 });
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

describe('readRedacted', () => {
  it('splits a form at its one mask', () => {
    expect(readRedacted('sk-ant-api03-R2D...igAA')).toEqual({ head: 'sk-ant-api03-R2D', tail: 'igAA', masked: true });
    expect(readRedacted('sk-abc…def')).toEqual({ head: 'sk-abc', tail: 'def', masked: true });
    expect(readRedacted('...abcd')).toEqual({ head: '', tail: 'abcd', masked: true });
  });
});
