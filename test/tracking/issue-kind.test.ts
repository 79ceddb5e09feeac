import { describe, expect, it } from 'vitest';
import { renderDashboardMarker } from '../../src/tracking/dashboard-marker.js';
import { incidentMarkerOf, issueKindOf, keyMarkerOf } from '../../src/tracking/issue-kind.js';
import { parseIncidentMarker, renderIncidentMarker } from '../../src/tracking/incident-marker.js';
import { parseKeyMarker, renderKeyMarker } from '../../src/tracking/key-marker.js';

// A marker is read only from the kind of issue it belongs to, and only where the bot writes it:
// on a line of its own. A marker quoted mid-line (a file path in inline code) is text.

const KEY = renderKeyMarker({
  key: 'acme/api|repo|*|openai_api_key|rotate',
  exemption: { by: 'x', reason: 'y', at: '2026-01-01T00:00:00.000Z' },
});
const INCIDENT = renderIncidentMarker({ fingerprint: 'a'.repeat(64), provider: 'openai' });
const body = (...lines: string[]) => `${lines.join('\n\n')}\n`;

describe('issueKindOf', () => {
  it.each([
    ['a key issue', { labels: ['key-hygiene', 'overdue'], body: body('What', KEY) }, 'key'],
    ['an incident', { labels: ['key-hygiene', 'leak'], body: body('Leaked', INCIDENT) }, 'incident'],
    ['the dashboard', { labels: ['key-hygiene'], body: body('table', renderDashboardMarker()) }, 'dashboard'],
    [
      'labels as the API gives them',
      { labels: [{ name: 'key-hygiene' }, { name: 'Leak' }], body: body('Leaked', INCIDENT) },
      'incident',
    ],
    [
      'an incident quoting a key marker mid-line',
      { labels: ['key-hygiene', 'leak'], body: body(`at \`${KEY}\``, INCIDENT) },
      'incident',
    ],
    [
      'an incident holding a key marker on a line of its own: neither',
      { labels: ['key-hygiene', 'leak'], body: body(KEY, INCIDENT) },
      undefined,
    ],
    [
      'a key marker in a leak-labelled issue without an incident marker',
      { labels: ['leak'], body: body(KEY) },
      undefined,
    ],
    ['a body with two kinds of marker', { labels: ['key-hygiene'], body: body(KEY, INCIDENT) }, undefined],
    [
      'a key issue with a dashboard marker',
      { labels: ['key-hygiene'], body: body(renderDashboardMarker(), KEY) },
      undefined,
    ],
    ['no marker', { labels: ['key-hygiene'], body: 'hello' }, undefined],
  ])('%s', (_, issue, kind) => {
    expect(issueKindOf(issue)).toBe(kind);
  });

  it('reads the key marker only from a key issue, and the incident marker only from an incident', () => {
    const incident = { labels: ['key-hygiene', 'leak'], body: body(`at \`${KEY}\``, INCIDENT) };
    expect(keyMarkerOf(incident)).toBeUndefined();
    expect(incidentMarkerOf(incident)?.fingerprint).toBe('a'.repeat(64));
    const keyIssue = { labels: ['key-hygiene'], body: body(KEY) };
    expect(keyMarkerOf(keyIssue)?.exemption?.by).toBe('x');
    expect(incidentMarkerOf(keyIssue)).toBeUndefined();
    // The `leak` label makes an incident: a key issue someone labelled `leak` is no longer read as a key issue.
    expect(keyMarkerOf({ ...keyIssue, labels: ['key-hygiene', 'leak'] })).toBeUndefined();
  });
});

describe('markers are read where the bot writes them', () => {
  it('a marker quoted mid-line, as a path in inline code is, is not read', () => {
    const incident = `A push to \`main\` added a key at \`src/${KEY}.py\` line 1.\n\n${INCIDENT}\n`;
    expect(parseKeyMarker(incident)).toBeUndefined();
    expect(parseKeyMarker(`at \`${KEY}\``)).toBeUndefined();
    expect(parseKeyMarker(`text\n\n${KEY}\n`)?.key).toBe('acme/api|repo|*|openai_api_key|rotate');
    expect(parseKeyMarker(`text\n   ${KEY}\n`)?.key).toBe('acme/api|repo|*|openai_api_key|rotate');
  });

  it('a body holding markers of two kinds gives neither', () => {
    expect(parseKeyMarker(body(KEY, INCIDENT))).toBeUndefined();
    expect(parseIncidentMarker(body(KEY, INCIDENT))).toBeUndefined();
  });
});
