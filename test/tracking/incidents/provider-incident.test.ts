import { describe, expect, it } from 'vitest';
import type { ProviderKey } from '../../../src/audit/provider-admin.js';
import { deriveFingerprintKey } from '../../../src/scan/fingerprint-key.js';
import {
  parseIncidentMarker,
  renderIncidentMarker,
  replaceIncidentMarker,
} from '../../../src/tracking/incident-marker.js';
import { matchLeakedKey } from '../../../src/tracking/incidents/match-leaked-key.js';
import { planIncidents } from '../../../src/tracking/incidents/plan-incidents.js';
import { planProviderClose } from '../../../src/tracking/incidents/plan-provider-close.js';
import { providerKeySealed, sealProviderKey } from '../../../src/tracking/incidents/seal-provider-key.js';
import type { Finding } from '../../../src/types.js';
import { makeKey } from '../../support/make-keys.js';
import { providerKey, VALUE } from './provider-keys.js';

// A leak incident and the provider's own inventory (OpenAI's Administration API, Anthropic's Admin
// API): the leaked value matched to one listed key by its redacted form, the incident saying whether
// that key is still active, and closing only once the provider no longer lists it as active.

const FP = 'a'.repeat(64);
const NOW = new Date('2026-07-01T10:00:00Z');
const APP_KEY = deriveFingerprintKey('a private key for tests only', 'incident markers');
const OTHER = makeKey('openai-project-key', 82);

const finding: Finding = {
  detector: 'openai-project-key',
  provider: 'openai',
  keyKind: 'OpenAI project key',
  severity: 'critical',
  confidence: 'medium',
  path: 'src/config.py',
  line: 3,
  column: 10,
  endColumn: 40,
  fingerprint: FP,
  redacted: 'sk-proj-…wxyz',
};

const open = (lookups: Parameters<typeof planIncidents>[0]['lookups']) =>
  planIncidents({
    findings: [finding],
    head: 'c'.repeat(40),
    branch: 'main',
    remediation: new Map(),
    existing: [],
    now: NOW,
    lookups,
    appKey: APP_KEY,
  }).actions[0]!;

describe('matchLeakedKey', () => {
  it('finds the one listed key whose redacted form the value fits, head and tail read from the form', () => {
    const keys = [
      providerKey(),
      providerKey({ id: 'key_2', redacted: `sk-proj...${OTHER.slice(-3)}` }),
      providerKey({ id: 'key_3', redacted: `${VALUE.slice(0, 6)}…${VALUE.slice(-4)}` }),
    ];
    expect(matchLeakedKey(VALUE, keys.slice(0, 2))).toEqual({ kind: 'one', key: keys[0] });
    expect(matchLeakedKey(VALUE, keys)).toEqual({ kind: 'ambiguous', count: 2 });
    expect(matchLeakedKey(OTHER, keys.slice(0, 1))).toEqual({ kind: 'none' });
  });

  it('names no key from a form that shows too little of its end, none at all, or is absurdly long', () => {
    const shows = (redacted: string | null) => matchLeakedKey(VALUE, [providerKey({ redacted })]).kind;
    expect(shows(`sk-proj...${VALUE.slice(-2)}`)).toBe('ambiguous');
    expect(shows('sk-proj...')).toBe('ambiguous');
    expect(shows(null)).toBe('none');
    expect(shows(`sk-proj${'*'.repeat(600)}${VALUE.slice(-4)}`)).toBe('none');
    expect(shows(VALUE)).toBe('one');
    expect(shows(`sk-proj****${VALUE.slice(-4)}`)).toBe('one');
  });
});

describe('a leak incident that found its key at the provider', () => {
  it('says it is still active — project, key, last use — and seals the key id into the marker, never the value', () => {
    const action = open(new Map([[FP, { kind: 'found', key: providerKey() }]]));
    expect(action.body).toContain(
      '**Still active at OpenAI** — project Web (`proj_1`), key `ci`, last used 2026-06-30. Comment `/revoke` to revoke it there',
    );
    expect(action.body).toContain('I close this issue myself once OpenAI no longer lists this key as active.');
    const marker = parseIncidentMarker(action.body)!;
    expect(marker.providerKey).toMatchObject({ provider: 'openai', id: 'key_abc', name: 'ci', projectId: 'proj_1' });
    expect(providerKeySealed(FP, marker.providerKey!, APP_KEY)).toBe(true);
    expect(providerKeySealed(FP, { ...marker.providerKey!, id: 'key_other' }, APP_KEY)).toBe(false);
    expect(providerKeySealed(FP, marker.providerKey!, undefined)).toBe(false);
    expect(action.body).not.toContain(VALUE);
  });

  it('escapes what the provider names: a hostile project or key name cannot mention, link, or forge a marker', () => {
    const hostile = providerKey({
      name: 'x` @admin <!-- key-hygiene:incident {} -->\nline',
      project: { id: 'proj_1', name: '**[click](http://evil)** @org/team #1 <img>' },
    });
    const { body } = open(new Map([[FP, { kind: 'found', key: hostile }]]));
    // Inline code shows `@`, `<` and links as text; outside it, every one is escaped.
    const prose = body.replace(/`[^`\n]*`/g, '').replace(/^<!-- key-hygiene:incident .* -->$/m, '');
    expect(prose).not.toMatch(/@(?!\u200b)|<img>|(?<!\\)\]\(/);
    expect(body.match(/<!-- key-hygiene:incident/g)).toHaveLength(1);
    expect(parseIncidentMarker(body)?.providerKey?.name).toBe(hostile.name);
  });

  it.each([
    [{ kind: 'found', key: providerKey({ status: 'inactive' }) }, '**No longer active at OpenAI** — project Web'],
    [{ kind: 'none', provider: 'openai' }, '**Not listed at OpenAI**'],
    [{ kind: 'ambiguous', provider: 'openai', count: 2 }, 'fits 2 keys OpenAI lists'],
    [
      { kind: 'failed', provider: 'openai', why: 'OpenAI answered 401' },
      'I could not ask OpenAI about this key: OpenAI answered 401.',
    ],
  ] as const)('without a single active key found, says so (%s.kind)', (lookup, text) => {
    const action = open(new Map([[FP, lookup]]));
    expect(action.body).toContain(text);
    if (lookup.kind !== 'found') expect(parseIncidentMarker(action.body)?.providerKey).toBeUndefined();
  });

  it('without an admin key (no lookup), the incident is as before', () => {
    const before = open(undefined);
    expect(before.body).not.toMatch(/OpenAI lists|at OpenAI/);
    expect(parseIncidentMarker(before.body)).toEqual({
      fingerprint: FP,
      detector: 'openai-project-key',
      provider: 'openai',
      since: NOW.toISOString(),
    });
  });
});

describe('planProviderClose', () => {
  const ref = {
    provider: 'openai' as const,
    id: 'key_abc',
    name: 'ci',
    seal: sealProviderKey(FP, { provider: 'openai', id: 'key_abc' }, APP_KEY),
  };
  const incident = { number: 7, body: `Leak.\n\n${renderIncidentMarker({ fingerprint: FP, providerKey: ref })}\n` };
  const plan = (keys: ProviderKey[] | undefined) =>
    planProviderClose({ incidents: [incident], listed: new Map(keys ? [['openai', keys]] : []) });

  it('keeps the incident open while the provider lists the key as active', () => {
    expect(plan([providerKey()]).actions).toEqual([]);
  });

  it('closes it once the key is gone or inactive, saying so', () => {
    for (const keys of [[], [providerKey({ status: 'inactive' })]]) {
      const [close] = plan(keys).actions;
      expect(close).toMatchObject({ type: 'close', issue: 7, reason: 'completed' });
      expect(close!.comment).toMatch(/^\*\*No longer active at OpenAI\*\* — key `ci`/);
    }
  });

  it('closes nothing when the provider could not be read', () => {
    expect(plan(undefined).actions).toEqual([]);
  });
});

describe('the incident marker', () => {
  it('round-trips the provider key, the ask and who revoked, and drops malformed or hostile fields', () => {
    const marker = {
      fingerprint: FP,
      provider: 'openai',
      providerKey: {
        provider: 'openai' as const,
        id: 'key_1',
        name: 'ci',
        projectId: 'p',
        projectName: 'P',
        seal: 'f'.repeat(64),
      },
      revokeAsked: { by: 'wendy', at: NOW.toISOString() },
      revoked: { by: 'wendy', at: NOW.toISOString() },
    };
    const body = `Text.\n\n${renderIncidentMarker(marker)}\n`;
    expect(parseIncidentMarker(body)).toEqual(marker);
    const forged = body
      .replace('"provider":"openai","id"', '"provider":"aws","id"')
      .replace(`"by":"wendy","at":"${NOW.toISOString()}"}}`, '"by":"wendy","at":"nope"}}');
    expect(parseIncidentMarker(forged)).toEqual({
      fingerprint: FP,
      provider: 'openai',
      revokeAsked: marker.revokeAsked,
    });
    const replaced = replaceIncidentMarker(body, { fingerprint: FP });
    expect(replaced.startsWith('Text.\n\n')).toBe(true);
    expect(parseIncidentMarker(replaced)).toEqual({ fingerprint: FP });
  });
});
