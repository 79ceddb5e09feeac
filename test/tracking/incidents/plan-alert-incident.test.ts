import { describe, expect, it } from 'vitest';
import { detectors } from '../../../src/detectors/registry.js';
import { alertFingerprint } from '../../../src/tracking/incidents/alert-fingerprint.js';
import { parseIncidentMarker, renderIncidentMarker } from '../../../src/tracking/incident-marker.js';
import {
  planAlertIncident,
  planAlertResolved,
  type AlertIncidentInput,
  type ExistingIncident,
} from '../../../src/tracking/incidents/plan-alert-incident.js';
import { TRACKED_SECRET_TYPES, trackedSecretType } from '../../../src/tracking/incidents/secret-scanning-types.js';

const NOW = new Date('2026-07-01T10:00:00Z');
const CREATED = '2026-06-30T08:00:00Z';
const FP = alertFingerprint(42, 7);
const OPENAI = trackedSecretType('openai_api_key')!;

const plan = (more: Partial<AlertIncidentInput> = {}, alert: Partial<AlertIncidentInput['alert']> = {}) =>
  planAlertIncident({
    event: 'created',
    alert: {
      repoId: 42,
      repository: 'acme/api',
      number: 7,
      state: 'open',
      validity: 'unknown',
      createdAt: CREATED,
      htmlUrl: 'https://github.com/acme/api/security/secret-scanning/7',
      place: { kind: 'file', path: 'src/config.py', line: 3, commit: 'c'.repeat(40) },
      ...alert,
    },
    type: OPENAI,
    remediation: 'Revoke it at the OpenAI dashboard.',
    existing: [],
    now: NOW,
    ...more,
  });

const incident = (number: number, state: ExistingIncident['state'], fingerprint = FP): ExistingIncident => ({
  number,
  state,
  body: `Leaked.\n\n${renderIncidentMarker({ fingerprint, provider: 'openai', since: CREATED })}\n`,
});

describe('planAlertIncident', () => {
  it('opens an incident like a push\'s: same title form, labels, key and checklist; the value "hidden by GitHub"', () => {
    const result = plan();
    if (result.kind !== 'open') throw new Error(`expected open, got ${result.kind}`);
    expect(result.action).toMatchObject({
      type: 'open',
      key: `incident:${FP.slice(0, 12)}`,
      title: 'Leaked OpenAI API key in src/config.py — revoke it now',
      labels: ['key-hygiene', 'leak'],
    });
    const body = result.action.body;
    expect(body).toContain(
      'found an OpenAI API key (hidden by GitHub) at `src/config.py` line 3, in commit cccccccccccc: [alert #7](https://github.com/acme/api/security/secret-scanning/7).',
    );
    expect(body).toContain('Revoke it at the OpenAI dashboard.');
    expect(body).toContain('calls you did not make since 2026-06-30.');
    expect(parseIncidentMarker(body)).toEqual({
      fingerprint: FP,
      detector: 'openai-project-key',
      provider: 'openai',
      since: new Date(CREATED).toISOString(),
    });
  });

  it('names the place in words when GitHub saw the secret outside a file, else the repository', () => {
    const other = plan({}, { place: { kind: 'other', what: 'an issue comment' } });
    expect(other.kind === 'open' && other.action.title).toBe(
      'Leaked OpenAI API key in an issue comment — revoke it now',
    );
    const none = plan({}, { place: undefined });
    expect(none.kind === 'open' && none.action.body).toContain('(hidden by GitHub) in `acme/api`: [alert #7]');
  });

  it('opens nothing while an incident for the alert is open, whatever the event', () => {
    for (const event of ['created', 'reopened', 'validated'] as const) {
      expect(plan({ event, existing: [incident(3, 'open')] }, { validity: 'active' })).toEqual({
        kind: 'skip',
        reason: 'incident #3 is open',
      });
    }
  });

  it('leaves a closed incident closed on "created", and reopens it on "reopened" or an active "validated"', () => {
    expect(plan({ existing: [incident(3, 'closed')] })).toEqual({ kind: 'skip', reason: 'incident #3 was closed' });
    const reopened = plan({
      event: 'reopened',
      existing: [incident(3, 'closed'), incident(5, 'open', alertFingerprint(42, 8))],
    });
    if (reopened.kind !== 'reopen') throw new Error(`expected reopen, got ${reopened.kind}`);
    expect(reopened.issue).toBe(3);
    expect(parseIncidentMarker(reopened.body)?.since).toBe(NOW.toISOString());
    expect(reopened.body).toContain('- [ ] Revoke the key at the provider.');
    expect(reopened.comment).toMatch(/^GitHub's \[alert #7\]\(.*\) was reopened on 2026-07-01: the leak is not over/);
    const validated = plan({ event: 'validated', existing: [incident(3, 'closed')] }, { validity: 'active' });
    expect(validated.kind === 'reopen' && validated.comment).toMatch(/checked the key .* and it still works/);
  });

  it('counts a reopened alert without an incident from now, a validated one from its creation', () => {
    const reopened = plan({ event: 'reopened' });
    expect(reopened.kind === 'open' && parseIncidentMarker(reopened.action.body)?.since).toBe(NOW.toISOString());
    const validated = plan({ event: 'validated' }, { validity: 'active' });
    expect(validated.kind === 'open' && parseIncidentMarker(validated.action.body)?.since).toBe(
      new Date(CREATED).toISOString(),
    );
  });

  it('opens nothing for a resolved alert, or a validation that did not find the key active', () => {
    expect(plan({}, { state: 'resolved' })).toEqual({ kind: 'skip', reason: 'the alert is resolved' });
    expect(plan({ event: 'validated' }, { validity: 'inactive' })).toEqual({
      kind: 'skip',
      reason: 'the key was validated as inactive',
    });
  });

  it('fingerprints the alert, not the secret: 64 hex, per repository and number', () => {
    expect(FP).toMatch(/^[0-9a-f]{64}$/);
    expect(alertFingerprint(42, 7)).toBe(FP);
    expect(new Set([FP, alertFingerprint(43, 7), alertFingerprint(42, 8)]).size).toBe(3);
  });
});

describe('planAlertResolved', () => {
  const resolved = {
    repoId: 42,
    number: 7,
    state: 'resolved',
    htmlUrl: 'https://github.com/acme/api/security/secret-scanning/7',
    resolvedBy: 'carol',
  };

  it("closes the alert's open incident as completed when the key was revoked, naming who resolved it without a mention", () => {
    const result = planAlertResolved({ ...resolved, resolution: 'revoked' }, [
      incident(2, 'closed'),
      incident(3, 'open'),
      incident(4, 'open', alertFingerprint(42, 8)),
    ]);
    expect(result).toMatchObject({ kind: 'close', issue: 3, reason: 'completed' });
    expect(result.kind === 'close' && result.comment).toBe(
      "GitHub's [alert #7](https://github.com/acme/api/security/secret-scanning/7) was resolved as revoked by `carol`: the key no longer works, so this incident is closed. " +
        "If its replacement is not yet in every environment's secret, rotate it there too. Should the alert be reopened, this incident reopens with it.",
    );
  });

  it.each([
    ['false_positive', 'a false positive'],
    ['used_in_tests', 'used in tests'],
    ['wont_fix', "won't fix"],
    ['pattern_edited', 'its pattern edited'],
  ])('closes it as not planned when resolved as %s', (resolution, words) => {
    const result = planAlertResolved({ ...resolved, resolution }, [incident(3, 'open')]);
    expect(result).toMatchObject({ kind: 'close', issue: 3, reason: 'not_planned' });
    expect(result.kind === 'close' && result.comment).toContain(
      `was resolved as ${words} by \`carol\`, so this incident is closed as not planned.`,
    );
  });

  it('does nothing for an alert open again by the time it is read, or without an open incident', () => {
    expect(planAlertResolved({ ...resolved, state: 'open' }, [incident(3, 'open')])).toEqual({
      kind: 'skip',
      reason: 'the alert is open again',
    });
    expect(planAlertResolved({ ...resolved, resolution: 'revoked' }, [incident(3, 'closed')])).toEqual({
      kind: 'skip',
      reason: 'it has no open incident',
    });
  });
});

describe('the secret type table', () => {
  it('names a real detector for every GitHub type, with its provider, sorted', () => {
    const ids = new Set(detectors.map((d) => d.id));
    expect(TRACKED_SECRET_TYPES.filter((t) => !ids.has(t.detector))).toEqual([]);
    for (const t of TRACKED_SECRET_TYPES) expect(t.provider).toBe(detectors.find((d) => d.id === t.detector)!.provider);
    const types = TRACKED_SECRET_TYPES.map((t) => t.secretType);
    expect(types).toEqual([...types].sort());
  });

  it('maps the secret types of the named providers and ignores the rest', () => {
    expect(
      [
        'openai_api_key',
        'anthropic_api_key',
        'aws_access_key_id',
        'aws_secret_access_key',
        'github_personal_access_token',
        'google_api_key',
        'stripe_api_key',
        'slack_api_token',
        'hf_user_access_token',
        'azure_openai_key',
      ].map((t) => trackedSecretType(t)?.provider),
    ).toEqual([
      'openai',
      'anthropic',
      'aws',
      'aws',
      'github',
      'google',
      'stripe',
      'slack',
      'huggingface',
      'azure-openai',
    ]);
    expect(trackedSecretType('adafruit_io_key')).toBeUndefined();
    expect(trackedSecretType('stripe_test_secret_key')).toBeUndefined();
    expect(trackedSecretType(undefined)).toBeUndefined();
  });
});
