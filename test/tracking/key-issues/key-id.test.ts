import { describe, expect, it } from 'vitest';
import type { KeyDecision } from '../../../src/inventory/decision.js';
import { keyId, trackedKeyFromId } from '../../../src/tracking/key-issues/key-id.js';
import { trackedKeyOf, type TrackedKey } from '../../../src/tracking/tracked-key.js';

const base: TrackedKey = {
  repository: 'Acme/App',
  scope: 'environment',
  environment: 'Production',
  secret: 'OPENAI_API_KEY',
  problem: 'rotate',
};

describe('keyId', () => {
  it('is stable and ignores case, as GitHub does for these names', () => {
    expect(keyId(base)).toBe('acme/app|environment|production|openai_api_key|rotate');
    expect(keyId({ ...base, repository: 'acme/app', environment: 'production', secret: 'openai_api_key' })).toBe(
      keyId(base),
    );
  });

  it.each<[string, Partial<TrackedKey>]>([
    ['another environment', { environment: 'staging' }],
    ['another scope', { scope: 'repo', environment: undefined }],
    ['another problem', { problem: 'missing' }],
    ['another secret', { secret: 'STRIPE_KEY' }],
    ['another repository', { repository: 'acme/web' }],
    ['an environment name with the separator in it', { environment: 'production|openai_api_key' }],
  ])('differs for %s', (_, change) => {
    expect(keyId({ ...base, ...change })).not.toBe(keyId(base));
  });

  it('reads back from the id, with names as spelled when the marker kept them', () => {
    const id = keyId({ ...base, environment: 'eu|west 100%' });
    expect(trackedKeyFromId(id)).toEqual({
      ...base,
      repository: 'acme/app',
      environment: 'eu|west 100%',
      secret: 'openai_api_key',
    });
    expect(trackedKeyFromId(id, { secret: 'OPENAI_API_KEY', environment: 'EU|West 100%' })).toMatchObject({
      secret: 'OPENAI_API_KEY',
      environment: 'EU|West 100%',
    });
    expect(
      trackedKeyFromId(keyId({ ...base, scope: 'repo', environment: undefined, problem: 'shared' })),
    ).not.toHaveProperty('environment');
    expect(trackedKeyFromId('not an id')).toBeUndefined();
    expect(trackedKeyFromId('a|b|c|d|e')).toBeUndefined();
    expect(trackedKeyFromId('a%zz|repo|*|k|shared')?.repository).toBe('a%zz');
  });
});

describe('trackedKeyOf', () => {
  const updatedAt = new Date('2026-06-01T00:00:00Z');
  const d = (over: Partial<KeyDecision>): KeyDecision => ({
    kind: 'key',
    status: 'ok',
    level: 'ok',
    secret: 'K',
    owners: [],
    message: '',
    ...over,
  });
  it.each<[string, KeyDecision, Omit<TrackedKey, 'repository'>]>([
    [
      'due soon in an environment',
      d({
        status: 'due-soon',
        environment: 'prod',
        item: { scope: 'environment', environment: 'prod', name: 'K', updatedAt },
      }),
      { scope: 'environment', environment: 'prod', secret: 'K', problem: 'rotate' },
    ],
    [
      'ok maps to the rotate problem',
      d({ environment: 'prod', item: { scope: 'environment', environment: 'prod', name: 'K', updatedAt } }),
      { scope: 'environment', environment: 'prod', secret: 'K', problem: 'rotate' },
    ],
    [
      'shared at org level',
      d({ status: 'shared-across-environments', item: { scope: 'org', name: 'K', updatedAt } }),
      { scope: 'org', secret: 'K', problem: 'shared' },
    ],
    [
      'missing from an environment',
      d({ status: 'missing', environment: 'prod', fallback: { scope: 'repo', name: 'K', updatedAt } }),
      { scope: 'environment', environment: 'prod', secret: 'K', problem: 'missing' },
    ],
  ])('%s', (_, decision, expected) => {
    expect(trackedKeyOf('acme/app', decision)).toEqual({ repository: 'acme/app', ...expected });
  });
});

describe('trackedKeyOf for keys the policy lists without environments', () => {
  const d = (over: Partial<KeyDecision>): KeyDecision => ({
    kind: 'key',
    status: 'missing',
    level: 'error',
    secret: 'NPM_TOKEN',
    owners: [],
    message: '',
    ...over,
  });
  it('puts a key missing at repository level in the repo scope, and a stale org one in the org scope', () => {
    expect(trackedKeyOf('acme/app', d({}))).toEqual({
      repository: 'acme/app',
      scope: 'repo',
      secret: 'NPM_TOKEN',
      problem: 'missing',
    });
    expect(
      trackedKeyOf(
        'acme/app',
        d({ status: 'overdue', item: { scope: 'org', name: 'NPM_TOKEN', updatedAt: new Date(0) } }),
      ),
    ).toEqual({ repository: 'acme/app', scope: 'org', secret: 'NPM_TOKEN', problem: 'rotate' });
  });
});
