import { describe, expect, it } from 'vitest';
import { parseIncidentMarker, renderIncidentMarker } from '../../../src/tracking/incident-marker.js';
import { planIncidents, type IncidentPlanInput } from '../../../src/tracking/incidents/plan-incidents.js';
import type { Finding } from '../../../src/types.js';

const FP_A = 'a'.repeat(64);
const FP_B = 'b'.repeat(64);
const NOW = new Date('2026-07-01T10:00:00Z');

function finding(fields: Partial<Finding> = {}): Finding {
  return {
    detector: 'openai-project-key',
    provider: 'openai',
    keyKind: 'OpenAI project key',
    severity: 'critical',
    confidence: 'medium',
    path: 'src/config.py',
    line: 3,
    column: 10,
    endColumn: 40,
    fingerprint: FP_A,
    redacted: 'sk-proj-…wxyz',
    ...fields,
  };
}

const plan = (findings: Finding[], more: Partial<IncidentPlanInput> = {}) =>
  planIncidents({
    findings,
    head: 'c'.repeat(40),
    branch: 'main',
    remediation: new Map([['openai-project-key', 'Revoke it at the OpenAI dashboard.']]),
    existing: [],
    now: NOW,
    ...more,
  });

describe('planIncidents', () => {
  it('opens one incident with the checklist, the redacted key and a fingerprint marker', () => {
    const { actions, leftOut } = plan([finding()]);
    expect(leftOut).toBe(0);
    expect(actions).toHaveLength(1);
    const [open] = actions;
    expect(open).toMatchObject({
      type: 'open',
      title: 'Leaked OpenAI project key in src/config.py — revoke it now',
      labels: ['key-hygiene', 'leak'],
    });
    expect(open!.body).toContain('`sk-proj-…wxyz` at `src/config.py` line 3, in commit cccccccccccc');
    expect(open!.body).toContain('Revoke it at the OpenAI dashboard.');
    for (const step of [
      'Revoke the key at the provider',
      'Rotate every repository, organisation and environment secret',
      'usage logs',
      'Confirm here',
    ]) {
      expect(open!.body).toMatch(new RegExp(`- \\[ \\] .*${step}`));
    }
    expect(parseIncidentMarker(open!.body)).toEqual({
      fingerprint: FP_A,
      detector: 'openai-project-key',
      provider: 'openai',
      since: NOW.toISOString(),
    });
  });

  it('opens one incident per key, however many places the push added it', () => {
    const { actions } = plan([
      finding({ path: 'b.env' }),
      finding({ path: 'a.env' }),
      finding({ fingerprint: FP_B, path: 'c.env' }),
    ]);
    expect(actions.map((a) => a.title)).toEqual([
      'Leaked OpenAI project key in a.env — revoke it now',
      'Leaked OpenAI project key in c.env — revoke it now',
    ]);
  });

  it('opens nothing for a key an incident (open or closed) already carries', () => {
    const existing = [`text\n\n${renderIncidentMarker({ fingerprint: FP_A })}\n`];
    expect(plan([finding({ path: 'other.py' })], { existing }).actions).toEqual([]);
    expect(plan([finding({ fingerprint: FP_B })], { existing }).actions).toHaveLength(1);
  });

  it('ignores hygiene advice and low-severity findings, and caps the incidents a push opens', () => {
    expect(plan([finding({ provider: 'hygiene', severity: 'medium' }), finding({ severity: 'low' })]).actions).toEqual(
      [],
    );
    const many = Array.from({ length: 12 }, (_, i) => finding({ fingerprint: i.toString(16).padStart(64, '0') }));
    expect(plan(many)).toMatchObject({ leftOut: 2, actions: expect.any(Array) });
    expect(plan(many).actions).toHaveLength(10);
  });

  it('reads no marker from an edited body with a broken or foreign one', () => {
    expect(parseIncidentMarker('<!-- key-hygiene:incident {"fingerprint": "nope"} -->')).toBeUndefined();
    expect(parseIncidentMarker('<!-- key-hygiene:incident {broken -->')).toBeUndefined();
    expect(parseIncidentMarker(`<!-- key-hygiene:key {"key":"x"} -->`)).toBeUndefined();
  });
});
