import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { auditPolicyFor } from '../../src/audit/audit-policy.js';
import { renderAuditJson } from '../../src/audit/render-audit-json.js';
import { renderAuditMarkdown } from '../../src/audit/render-audit-markdown.js';
import { buildAuditSarif, renderAuditSarif } from '../../src/audit/render-audit-sarif.js';
import { renderAuditText } from '../../src/audit/render-audit-text.js';
import type { ProviderKey } from '../../src/audit/provider-admin.js';
import { runAudit, type AuditResult } from '../../src/audit/run-audit.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { fakeAdmin } from './fake-admin.js';
import { adminKey, daysAgo, hourly, NOW, projectKey, usageOf } from './fixtures.js';

const policy = auditPolicyFor(defaultConfig, 'openai');

async function audit(keys: ProviderKey[], held?: string[]): Promise<AuditResult> {
  const admin = fakeAdmin(keys, usageOf({ spike: hourly(0, 400) }));
  return runAudit({ admin, policy, now: NOW, ...(held && { heldKeyIds: new Set(held) }) });
}

const seeded = () =>
  audit(
    [
      projectKey('clean'),
      projectKey('old', { name: 'ci deploy', createdAt: daysAgo(120) }),
      projectKey('idle', { createdAt: daysAgo(45), lastUsedAt: null }),
      projectKey('spike', { createdAt: daysAgo(30) }),
      projectKey('orphan', {
        project: { id: 'proj_side', name: 'Side project' },
        owner: { type: 'service-account', id: 'svc_1', name: 'batch bot', email: null, hasAccess: false },
      }),
      adminKey('admin', { name: 'org admin', expiresAt: null }),
    ],
    ['clean', 'old'],
  );

describe('audit reports', () => {
  it('text: one table per project, then the findings and the keys no environment holds', async () => {
    await expect(renderAuditText(await seeded(), NOW, { color: false })).toMatchFileSnapshot('expected/audit.txt');
  });

  it('Markdown: the same for the job summary', async () => {
    await expect(renderAuditMarkdown(await seeded(), NOW)).toMatchFileSnapshot('expected/audit.md');
  });

  it('JSON: a stable document with each finding’s fields, times ISO 8601 or null', async () => {
    const doc = JSON.parse(renderAuditJson(await seeded(), NOW));
    expect(Object.keys(doc)).toEqual([
      'version',
      'provider',
      'generatedAt',
      'keys',
      'findings',
      'usageError',
      'notHeld',
    ]);
    expect(doc).toMatchObject({ version: 1, provider: 'openai', generatedAt: '2026-12-03T12:00:00.000Z', keys: 6 });
    expect(doc.findings.map((f: { keyId: string; problem: string }) => `${f.keyId}:${f.problem}`)).toEqual([
      'old:overdue',
      'idle:unused',
      'spike:usage-spike',
      'orphan:orphaned',
      'admin:no-expiry',
    ]);
    expect(Object.keys(doc.findings[0])).toEqual([
      'provider',
      'problem',
      'keyId',
      'keyName',
      'project',
      'projectName',
      'redacted',
      'owner',
      'createdAt',
      'lastUsedAt',
      'detail',
    ]);
    expect(doc.findings[1]).toMatchObject({ createdAt: daysAgo(45), lastUsedAt: null, project: 'proj_main' });
    expect(doc.notHeld.map((k: { keyId: string }) => k.keyId)).toEqual(['idle', 'spike', 'orphan']);
  });

  it('SARIF: valid 2.1.0, a rule per problem, a result per finding', async () => {
    const schema = JSON.parse(readFileSync(new URL('../report/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    (addFormatsPlugin as unknown as (a: Ajv2020) => Ajv2020)(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(renderAuditSarif(await seeded(), '0.1.0'));
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'usage-spike',
      'orphaned',
      'overdue',
      'unused',
      'no-expiry',
    ]);
    expect(run.results.map((r: { ruleId: string; level: string }) => `${r.ruleId}:${r.level}`)).toEqual([
      'overdue:error',
      'unused:warning',
      'usage-spike:error',
      'orphaned:error',
      'no-expiry:warning',
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });
});

/** Names, emails and ids as a hostile org could set them. */
const HOSTILE = [
  'evil\u001b]0;pwned\u0007\u001b[2J',
  '**bold** <img src=x onerror=alert(1)> [link](https://evil.example) @octocat #12 | cell',
  '\n## Heading\n- injected',
  '<!-- hidden --> \u202eexe.txt \u009b31m',
  '::error::forged ##[error]forged',
].join(' ');

const hostileKey = (id: string, fields: Partial<ProviderKey> = {}) =>
  projectKey(id, {
    name: `${HOSTILE} ${id}`,
    project: { id: `proj_${id}`, name: `Project ${HOSTILE}` },
    redacted: `sk-\u001b[31m...${HOSTILE}`,
    owner: { type: 'user', id: 'u', name: HOSTILE, email: `${HOSTILE}@example.com`, hasAccess: false },
    createdAt: daysAgo(200),
    ...fields,
  });

// C0 controls other than the newlines a report is made of, DEL, C1, and the bidi and separator characters.
// eslint-disable-next-line no-control-regex
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('hostile provider names', () => {
  it('text: no control character reaches the terminal, every key on its own line', async () => {
    const result = await audit([hostileKey('a'), hostileKey('b', { lastUsedAt: null })]);
    const text = renderAuditText(result, NOW, { color: false });
    expect(text).not.toMatch(ACTING);
    expect(text).toContain('evil\\x1b]0;pwned\\x07');
    expect(text.split('\n').filter((l) => l.startsWith('## Heading'))).toEqual([]);
  });

  it('Markdown: no HTML, link, mention, heading or extra table cell', async () => {
    const result = await audit([hostileKey('a'), hostileKey('b')], ['none']);
    const summary = renderAuditMarkdown(result, NOW);
    expect(summary).not.toMatch(ACTING);
    expect(summary).not.toMatch(/<img|<!--|<script/);
    expect(summary).not.toMatch(/@octocat/);
    expect(summary).not.toMatch(/(^|[^\\])\[link\]/);
    expect(summary).not.toMatch(/(^|[^\\])\*\*bold/);
    expect(summary).not.toMatch(/#12/);
    expect(summary.split('\n').filter((l) => /^#+ Heading|^- injected/.test(l))).toEqual([]);
    for (const row of summary.split('\n').filter((l) => l.startsWith('| ')))
      expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
  });

  it('JSON and SARIF: parse back to the same names, with nothing raw a terminal acts on', async () => {
    const result = await audit([hostileKey('a')]);
    const json = renderAuditJson(result, NOW);
    expect(json).not.toMatch(ACTING);
    expect(JSON.parse(json).findings[0].keyName).toBe(`${HOSTILE} a`);
    const sarif = renderAuditSarif(result, '0.1.0');
    expect(sarif).not.toMatch(ACTING);
    const log = buildAuditSarif(result, '0.1.0');
    expect(JSON.stringify(log)).not.toContain('example.com');
  });
});

describe('a large organisation', () => {
  it('the summary stays within its row budget and says how many rows the JSON report alone has', async () => {
    const keys = Array.from({ length: 30 }, (_, i) =>
      projectKey(`k${String(i).padStart(2, '0')}`, { createdAt: daysAgo(200) }),
    );
    const summary = renderAuditMarkdown(await audit(keys), NOW, 40);
    expect(summary.split('\n').filter((l) => /^\| k\d\d/.test(l))).toHaveLength(30);
    expect(summary.split('\n').filter((l) => l.startsWith('- **overdue**'))).toHaveLength(10);
    expect(summary).toContain('> 20 more rows left out to keep the summary within GitHub');
  });
});
