import { describe, expect, it } from 'vitest';
import { federationHint } from '../../src/audit/federation-hint.js';
import type { AuditResult } from '../../src/audit/run-audit.js';
import { renderAuditMarkdown } from '../../src/audit/render-audit-markdown.js';
import { adminKey, NOW, projectKey } from './fixtures.js';

const keys = [projectKey('key_held'), projectKey('key_idle'), adminKey('key_admin')];

function result(fields: Partial<AuditResult>): AuditResult {
  return { provider: 'openai', keys, findings: [], ...fields };
}

describe('federationHint', () => {
  it('names the keys environments hold as the ones federation would replace', () => {
    const hint = federationHint(result({ notHeld: [keys[1]!] }));
    expect(hint).toMatch(/^The 1 key GitHub environments hold could be replaced by workload identity federation/);
    expect(hint).toContain('https://developers.openai.com/');
    expect(renderAuditMarkdown(result({ notHeld: [keys[1]!] }), NOW)).toContain('workload identity federation');
  });

  it('says nothing when the held keys are not known, or none is held', () => {
    expect(federationHint(result({}))).toBeUndefined();
    expect(federationHint(result({ notHeld: [keys[0]!, keys[1]!] }))).toBeUndefined();
  });
});
