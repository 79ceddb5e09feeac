import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/policy/parse-config.js';
import { at, inventoryWith, prodKey, Repo } from '../scenario.js';

// `escalate-to` and `owners` are meant to be mentioned: they come from the policy. Only what looks
// like a login or an `org/team` slug is; anything else is left out of the comment, never written raw.

const hostile = parseConfig(`
keys:
  - secret: OPENAI_API_KEY
    environments: [production]
    owners: ['@acme/ml-platform', 'x <img src=x>']
escalate-after: 14d
escalate-to: ['@acme/security', 'sec <!-- key-hygiene:comment {"kind":"reminder"} -->', '<img src=x>', 'carol']
`);

describe('escalate-to and owners as mentions', () => {
  it('mentions the logins and teams, and drops what is not one', () => {
    const repo = new Repo(inventoryWith([prodKey('2026-05-01T00:00:00Z')]), hostile);
    repo.sweep(at('2026-08-10'));
    repo.sweep(at('2026-08-25'));
    const escalation = repo.issues
      .get(1)
      .comments.map((c) => c.body)
      .find((b) => b.includes('escalating'))!;
    expect(escalation.split('\n')[0]).toMatch(/^@acme\/security @carol: escalating — .* Owners: @acme\/ml-platform\. /);
    expect(escalation.match(/<!--/g)).toHaveLength(1);
    expect(escalation).not.toContain('<img');
  });
});
