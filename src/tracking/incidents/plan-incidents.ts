import { renderIncidentBody, renderIncidentTitle } from './render-incident.js';
import { FALLBACK_REMEDIATION } from '../../report/fallback-remediation.js';
import { sortFindings } from '../../report/sort-findings.js';
import type { Finding } from '../../types.js';
import { parseIncidentMarker, renderIncidentMarker } from '../incident-marker.js';
import type { OpenIssueAction } from '../issue-action.js';
import type { FingerprintKey } from '../../scan/fingerprint-key.js';
import {
  incidentProviderKey,
  renderProviderCloses,
  renderProviderLookup,
  type ProviderLookup,
} from './render-provider-key.js';
import { sealProviderKey } from './seal-provider-key.js';
import { LEAK_LABEL, TRACKING_LABEL } from '../issue-labels.js';

/** Every incident carries both: `key-hygiene` like all the bot's issues, `leak` to list incidents alone. */
export { LEAK_LABEL };

/** A push of dozens of keys is one bulk import, not dozens of incidents: bulk writes are capped. */
export const MAX_INCIDENTS_PER_PUSH = 10;

export interface IncidentPlanInput {
  /** What the engine found in the lines the push added. */
  findings: readonly Finding[];
  /** The push's head commit, for findings that do not name their own. */
  head: string;
  branch: string;
  /** Remediation text by detector id. */
  remediation: ReadonlyMap<string, string>;
  /** Bodies of the incidents already opened (open or closed): their markers say which keys have one. */
  existing: readonly string[];
  now: Date;
  cap?: number;
  /** What the App found at the provider for each leaked key it could look up, by the finding's fingerprint. */
  lookups?: ReadonlyMap<string, ProviderLookup>;
  /** The App's key: seals a found provider key into the marker ({@link sealProviderKey}). */
  appKey?: FingerprintKey | undefined;
}

export interface IncidentPlan {
  actions: OpenIssueAction[];
  /** Keys without an incident left for the next push or sweep because of the cap. */
  leftOut: number;
}

const KEY_SEVERITIES = new Set<Finding['severity']>(['critical', 'high', 'medium']);

/**
 * One incident per leaked key: findings of a key kind (not hygiene advice), one per fingerprint
 * (the first place the push added it), none for a fingerprint an incident already carries — so a
 * redelivery or the same key pushed again into another file opens nothing. A closed incident
 * counts too: that key was already dealt with.
 */
export function planIncidents(input: IncidentPlanInput): IncidentPlan {
  const known = new Set(input.existing.map((body) => parseIncidentMarker(body)?.fingerprint).filter(Boolean));
  const fresh = new Map<string, Finding>();
  for (const f of sortFindings(input.findings)) {
    if (
      f.provider === 'hygiene' ||
      !KEY_SEVERITIES.has(f.severity) ||
      known.has(f.fingerprint) ||
      fresh.has(f.fingerprint)
    )
      continue;
    fresh.set(f.fingerprint, f);
  }
  const cap = input.cap ?? MAX_INCIDENTS_PER_PUSH;
  const actions = [...fresh.values()].slice(0, cap).map((finding): OpenIssueAction => {
    const lookup = input.lookups?.get(finding.fingerprint);
    const found = lookup?.kind === 'found' ? lookup.key : undefined;
    const seal = found ? sealProviderKey(finding.fingerprint, found, input.appKey) : '';
    const view = {
      finding,
      commit: finding.commit ?? input.head,
      branch: input.branch,
      remediation: input.remediation.get(finding.detector) ?? FALLBACK_REMEDIATION,
      leakedAt: input.now,
      ...(lookup && {
        atProvider: {
          state: renderProviderLookup(lookup),
          ...(found && { closes: renderProviderCloses(found.provider) }),
        },
      }),
    };
    const marker = renderIncidentMarker({
      fingerprint: finding.fingerprint,
      detector: finding.detector,
      provider: finding.provider,
      since: input.now.toISOString(),
      ...(found && { providerKey: incidentProviderKey(found, seal) }),
    });
    return openIncidentAction(finding.fingerprint, renderIncidentTitle(view), renderIncidentBody(view, marker));
  });
  return { actions, leftOut: Math.max(0, fresh.size - cap) };
}

/** Opening one incident, whoever found the leak (a push, a secret scanning alert): same key form, same labels. */
export function openIncidentAction(fingerprint: string, title: string, body: string): OpenIssueAction {
  return {
    type: 'open',
    key: `incident:${fingerprint.slice(0, 12)}`,
    title,
    body,
    labels: [TRACKING_LABEL, LEAK_LABEL],
  };
}
