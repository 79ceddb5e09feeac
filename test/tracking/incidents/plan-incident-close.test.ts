import { describe, expect, it } from 'vitest';
import type { InventoryItem, SecretScope } from '../../../src/inventory/inventory.js';
import { parseConfig } from '../../../src/policy/parse-config.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { canonicalProvider } from '../../../src/providers/canonical-provider.js';
import { incidentProvider, namesProvider } from '../../../src/tracking/incidents/incident-close-provider.js';
import { incidentSecrets } from '../../../src/tracking/incidents/incident-close-secrets.js';
import { renderIncidentMarker, type IncidentMarker } from '../../../src/tracking/incident-marker.js';
import { planIncidentClose, type OpenIncident } from '../../../src/tracking/incidents/plan-incident-close.js';

const FP_A = 'a'.repeat(64);
const FP_B = 'b'.repeat(64);
const SINCE = '2026-07-01T10:00:00.000Z';
const BEFORE = '2026-06-01T00:00:00Z';
const AFTER = '2026-07-02T09:30:00Z';

const policy = parseConfig(`
keys:
  - secret: LLM_KEY
    provider: OpenAI
  - secret: OPENAI_PROXY_KEY
    provider: acme-proxy
`);

const repo = (name: string, updatedAt: string): InventoryItem => ({
  scope: 'repo',
  name,
  updatedAt: new Date(updatedAt),
});
const env = (environment: string, name: string, updatedAt: string): InventoryItem => ({
  scope: 'environment',
  environment,
  name,
  updatedAt: new Date(updatedAt),
});
const bot = (name: string, updatedAt: string): InventoryItem => ({
  scope: 'dependabot',
  name,
  updatedAt: new Date(updatedAt),
});
const org = (name: string, updatedAt: string): InventoryItem => ({
  scope: 'org',
  name,
  updatedAt: new Date(updatedAt),
});

const openai: IncidentMarker = { fingerprint: FP_A, detector: 'openai-project-key', provider: 'openai', since: SINCE };
const incident = (number: number, marker: IncidentMarker = openai): OpenIncident => ({
  number,
  body: `A push added a key.\n\n${renderIncidentMarker(marker)}\n`,
});

const view = (secrets: InventoryItem[], marker: IncidentMarker = openai, skippedScopes: SecretScope[] = []) =>
  incidentSecrets({ marker, secrets, skippedScopes, policy });
const plan = (
  incidents: OpenIncident[],
  secrets: InventoryItem[],
  more: { skippedScopes?: SecretScope[]; maxContent?: number } = {},
) =>
  planIncidentClose({
    incidents,
    secrets,
    skippedScopes: more.skippedScopes ?? [],
    policy,
    ...(more.maxContent !== undefined && { maxContent: more.maxContent }),
  });

describe('which secrets an incident waits for', () => {
  it.each<[string, string, boolean]>([
    ['OPENAI_API_KEY', 'openai', true],
    ['OPENAI_KEY', 'openai', true],
    ['PROD_OPENAI_TOKEN', 'openai', true],
    ['OPEN_AI_KEY', 'openai', true],
    ['OPENAIRE_KEY', 'openai', false],
    ['AZURE_OPENAI_KEY', 'openai', false],
    ['AZURE_OPENAI_KEY', 'azure-openai', true],
    ['ANTHROPIC_API_KEY', 'anthropic', true],
    ['CLAUDE_KEY', 'anthropic', true],
    ['AWS_SECRET_ACCESS_KEY', 'aws', true],
    ['HF_TOKEN', 'huggingface', true],
    ['GH_PAT', 'github', true],
    ['GITLAB_TOKEN', 'gitlab', true],
    ['STRIPE_API_KEY', 'openai', false],
    ['PRIVATE_KEY', 'privatekey', false],
  ])('%s names %s: %s', (name, provider, expected) => {
    expect(namesProvider(name, provider)).toBe(expected);
  });

  it('reads a provider as policies write it, and the vendor of `other` keys from the detector id', () => {
    expect(canonicalProvider('OpenAI')).toBe('openai');
    expect(canonicalProvider('Open AI')).toBe('openai');
    expect(canonicalProvider('hugging_face')).toBe('huggingface');
    expect(canonicalProvider('acme-proxy')).toBe('acme-proxy');
    expect(incidentProvider({ provider: 'other', detector: 'gitlab-token' })).toBe('gitlab');
    expect(incidentProvider({ detector: 'aws-access-key' })).toBe('aws');
    expect(incidentProvider({})).toBeUndefined();
  });

  it('takes repository, environment and Dependabot secrets named for the provider or mapped to it by `keys`, never org secrets', () => {
    const secrets = [
      env('production', 'OPENAI_API_KEY', AFTER),
      repo('OPENAI_API_KEY', BEFORE),
      bot('OPENAI_KEY', AFTER),
      env('staging', 'OPENAI_API_KEY', AFTER),
      org('OPENAI_API_KEY', BEFORE),
      repo('LLM_KEY', AFTER),
      repo('OPENAI_PROXY_KEY', BEFORE),
      repo('OPENAI_ORG_ID', BEFORE),
      repo('STRIPE_API_KEY', BEFORE),
    ];
    const seen = view(secrets);
    expect(seen.secrets.map((s) => [s.scope, s.environment ?? '', s.name, s.rotated])).toEqual([
      ['repo', '', 'LLM_KEY', true],
      ['repo', '', 'OPENAI_API_KEY', false],
      ['environment', 'production', 'OPENAI_API_KEY', true],
      ['environment', 'staging', 'OPENAI_API_KEY', true],
      ['dependabot', '', 'OPENAI_KEY', true],
    ]);
    expect(seen).toMatchObject({ provider: 'openai', since: new Date(SINCE), allRotated: false, unread: [] });
  });

  it('counts an update at the very moment of the leak as not rotated, and uses the issue date when the marker has none', () => {
    expect(view([repo('OPENAI_API_KEY', SINCE)]).allRotated).toBe(false);
    const { since: _since, ...old } = openai;
    const dated = incidentSecrets({
      marker: old,
      createdAt: '2026-07-02T00:00:00Z',
      secrets: [repo('OPENAI_API_KEY', AFTER)],
      skippedScopes: [],
      policy,
    });
    expect(dated).toMatchObject({ since: new Date('2026-07-02T00:00:00Z'), allRotated: true });
  });
});

describe('planIncidentClose', () => {
  it('closes an incident once every secret for its provider was rotated after the leak: one comment listing them', () => {
    const { actions, deferred } = plan(
      [incident(7)],
      [repo('OPENAI_API_KEY', AFTER), env('production', 'OPENAI_API_KEY', '2026-07-03T08:00:00Z')],
    );
    expect(deferred).toBe(0);
    expect(actions).toEqual([
      { type: 'close', key: 'incident:aaaaaaaaaaaa', issue: 7, reason: 'completed', comment: expect.any(String) },
    ]);
    const comment = actions[0]!.comment!;
    expect(comment).toContain(
      'Every secret for `openai` in this repository was updated after the leak (seen 2026-07-01 10:00 UTC)',
    );
    expect(comment).toContain('- `OPENAI_API_KEY` (repository): rotated 2026-07-02 09:30 UTC');
    expect(comment).toContain('- `OPENAI_API_KEY` (environment `production`): rotated 2026-07-03 08:00 UTC');
    expect(parseCommentMarker(comment)).toEqual({ key: 'incident:aaaaaaaaaaaa', kind: 'rotated' });
  });

  it('keeps an incident open while one secret is older than the leak', () => {
    expect(
      plan([incident(7)], [repo('OPENAI_API_KEY', AFTER), env('production', 'OPENAI_API_KEY', BEFORE)]).actions,
    ).toEqual([]);
  });

  it('keeps an incident open when no secret matches: only /resolved closes it', () => {
    expect(plan([incident(7)], [repo('STRIPE_API_KEY', AFTER), org('OPENAI_API_KEY', AFTER)]).actions).toEqual([]);
    expect(
      plan(
        [incident(7, { fingerprint: FP_A, detector: 'generic-api-key', provider: 'generic', since: SINCE })],
        [repo('API_KEY', AFTER)],
      ).actions,
    ).toEqual([]);
  });

  it('closes nothing while repository or environment secrets could not be read; unread Dependabot secrets do not block', () => {
    const secrets = [repo('OPENAI_API_KEY', AFTER)];
    expect(plan([incident(7)], secrets, { skippedScopes: ['environment'] }).actions).toEqual([]);
    expect(plan([incident(7)], secrets, { skippedScopes: ['dependabot', 'org'] }).actions).toHaveLength(1);
  });

  it('closes the oldest first within the content budget, and ignores issues without a marker', () => {
    const many = [incident(9, { ...openai, fingerprint: FP_B }), incident(3), { number: 5, body: 'no marker' }];
    const capped = plan(many, [repo('OPENAI_API_KEY', AFTER)], { maxContent: 1 });
    expect(capped.actions.map((a) => a.issue)).toEqual([3]);
    expect(capped.deferred).toBe(1);
    expect(plan(many, [repo('OPENAI_API_KEY', AFTER)], { maxContent: 0 }).actions).toEqual([]);
  });

  it('keeps an environment name with backticks or line breaks inside its inline code', () => {
    const comment = plan([incident(1)], [env('prod `eu`\n', 'OPENAI_API_KEY', AFTER)]).actions[0]!.comment!;
    expect(comment).toContain('(environment `prod  eu  `)');
  });
});
