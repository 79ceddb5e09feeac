import { describeVerification } from '../../report/describe-verification.js';
import { describeConfidence } from '../../report/describe-confidence.js';
import type { Finding } from '../../types.js';
import { INCIDENT_CLOSES } from './render-incident-close.js';
import { escapeMarkdown } from '../../report/escape-markdown.js';
import { inlineCode, isoDay } from '../../report/render-issue-text.js';

/** One leaked key as its incident issue shows it. */
export interface IncidentView {
  /** The first place the push added the key (only its redacted form is ever printed). */
  finding: Finding;
  /** The commit that added it: the finding's own, else the push's head. */
  commit: string;
  /** The branch pushed to, e.g. `main`. */
  branch: string;
  /** The detector's remediation: where and how to revoke this kind of key. */
  remediation: string;
  /** When the bot saw the leak. */
  leakedAt: Date;
  /** What the App found at the key's provider (src/tracking/incidents/render-provider-key.ts), and how the incident then ends. */
  atProvider?: { state: string; closes?: string };
}

/** "Leaked OpenAI project key in src/config.py — revoke it now". Issues are matched by marker, never by title. */
export function renderIncidentTitle({ finding }: IncidentView): string {
  return `Leaked ${finding.keyKind} in ${finding.path.replace(/[\r\n]/g, ' ')} — revoke it now`;
}

/**
 * The incident's description: what leaked where (the redacted key only), why reverting is not
 * enough, and the checklist that ends the incident. `marker` is appended as given.
 */
export function renderIncidentBody(view: IncidentView, marker: string): string {
  const { finding: f, commit, branch, remediation, leakedAt, atProvider } = view;
  return (
    [
      `A push to ${inlineCode(branch)} added ${articled(escapeMarkdown(f.keyKind))} ${inlineCode(f.redacted)} at ${inlineCode(f.path)} line ${f.line}, in commit ${escapeMarkdown(commit.slice(0, 12))}.`,
      `${escapeMarkdown(describeConfidence(f.confidence))}.`,
      ...(atProvider ? [atProvider.state] : []),
      ...(f.verification ? [`**${escapeMarkdown(describeVerification(f.verification))}.**`] : []),
      LEAK_STAYS,
      remediation,
      '## Checklist',
      renderIncidentChecklist(leakedAt),
      atProvider?.closes ?? INCIDENT_CLOSES,
      marker,
    ].join('\n\n') + '\n'
  );
}

/** Why the incident exists at all; every incident says it, whoever found the key. */
export const LEAK_STAYS =
  'Removing the line or reverting the commit does not un-leak it: history, forks, clones and caches keep it. Treat the key as compromised.';

/** The checklist that ends an incident (a push's or a secret scanning alert's), unticked. */
export function renderIncidentChecklist(leakedAt: Date): string {
  return [
    '- [ ] Revoke the key at the provider.',
    '- [ ] Rotate every repository, organisation and environment secret that held it.',
    `- [ ] Check the provider's usage logs for calls you did not make since ${isoDay(leakedAt)}.`,
    '- [ ] Confirm here when all of the above is done, then close this issue.',
  ].join('\n');
}

/** `a GitHub token`, `an OpenAI project key`. */
export function articled(kind: string): string {
  return /^[aeiou]/i.test(kind) ? `an ${kind}` : `a ${kind}`;
}
