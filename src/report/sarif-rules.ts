import type { ReportingDescriptor } from 'sarif';
import type { Detector } from '../detectors/detector.js';
import type { Confidence, Finding } from '../types.js';
import { confidenceOf } from '../detectors/confidence-of.js';
import { FALLBACK_REMEDIATION } from './fallback-remediation.js';
import { SARIF_LEVEL, SECURITY_SEVERITY } from './sarif-severity.js';

/** What a rule is made from: a detector, or just what a finding says when its detector wasn't passed in. */
type RuleSource = Pick<Detector, 'id' | 'keyKind' | 'severity'> &
  Partial<Pick<Detector, 'risk' | 'remediation'>> & { precision: Confidence };

/**
 * One rule per detector that ran, sorted by id, plus one for any finding whose detector is not in
 * the list (custom detectors): every result's ruleIndex must point at a rule.
 */
export function buildSarifRules(detectors: readonly Detector[], findings: readonly Finding[]): ReportingDescriptor[] {
  const sources = new Map<string, RuleSource>(detectors.map((d) => [d.id, { ...d, precision: confidenceOf(d) }]));
  for (const f of findings) {
    if (!sources.has(f.detector))
      sources.set(f.detector, { id: f.detector, keyKind: f.keyKind, severity: f.severity, precision: f.confidence });
  }
  return [...sources.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(toRule);
}

function toRule(d: RuleSource): ReportingDescriptor {
  const risk = d.risk ?? `A leaked ${d.keyKind} can be used by anyone who reads it.`;
  const remediation = d.remediation ?? FALLBACK_REMEDIATION;
  return {
    id: d.id,
    name: toRuleName(d.id),
    shortDescription: { text: d.keyKind },
    fullDescription: { text: risk },
    help: {
      text: `${risk}\n\nWhat to do: ${remediation}`,
      markdown: `**${d.keyKind}** — ${risk}\n\n**What to do:** ${remediation}`,
    },
    defaultConfiguration: { level: SARIF_LEVEL[d.severity] },
    properties: {
      tags: ['security', 'secret'],
      'security-severity': SECURITY_SEVERITY[d.severity],
      // Code scanning orders alerts by a rule's `precision` ("how often the results indicated by this rule are
      // true": very-high, high, medium or low); a detector's confidence is that, in the same words. SARIF's own
      // `rank` is a result's priority and `level` its severity, so neither carries it.
      // https://docs.github.com/en/code-security/reference/code-scanning/sarif-files/sarif-support-for-code-scanning#reportingdescriptor-object
      precision: d.precision,
    },
  };
}

/** `openai-project-key` → `OpenaiProjectKey`: SARIF's rule name is an identifier a person can read. */
function toRuleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');
}
