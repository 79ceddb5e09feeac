import type { Decision, KeyDecision } from '../../src/inventory/decision.js';
import type { InventoryItem } from '../../src/inventory/inventory.js';
import { codeCell, escapeMarkdown } from '../../src/report/escape-markdown.js';

const STATUS: Record<KeyDecision['status'], string> = {
  ok: '✅ ok',
  'due-soon': '⚠️ due soon',
  overdue: '❌ overdue',
  'shared-across-environments': '❌ shared across environments',
  missing: '❌ missing',
};

const SCOPE: Record<InventoryItem['scope'], string> = {
  environment: 'environment',
  repo: 'repository',
  org: 'organisation',
  dependabot: 'Dependabot',
};

const day = (date: Date | undefined): string => (date ? date.toISOString().slice(0, 10) : '—');

/** The job summary of `mode: environments`: a table environment × secret, then unprotected environments. */
export function renderEnvironmentsSummary(repository: string, decisions: Decision[], now: Date): string {
  const keys = decisions.filter((d): d is KeyDecision => d.kind === 'key');
  const environments = decisions.filter((d) => d.kind === 'environment');
  const lines = [
    `## Key Hygiene: environment secrets of ${escapeMarkdown(repository)}`,
    '',
    `Checked ${now.toISOString().replace(/\.\d{3}Z$/, 'Z')}.`,
    '',
  ];
  if (keys.length === 0) {
    lines.push('The policy lists no `keys:`: no key secret to check.', '');
  } else {
    lines.push(
      '| Environment | Secret | Present | Scope | Last rotated | Due | Status |',
      '|---|---|---|---|---|---|---|',
    );
    for (const d of keys) lines.push(row(d));
    lines.push('');
    const problems = keys.filter((d) => d.level !== 'ok');
    if (problems.length > 0) lines.push(...problems.map((d) => `- ${escapeMarkdown(d.message)}`), '');
  }
  if (environments.length > 0) {
    lines.push(
      '### Production-like environments without protection',
      '',
      ...environments.map((d) => `- ${escapeMarkdown(d.message)}`),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

function row(d: KeyDecision): string {
  // No environment: a copy every environment shares, or a key the policy keeps at repository level.
  const environment =
    d.environment ?? (d.status === 'shared-across-environments' ? '(every environment)' : '(any job)');
  const present = d.item
    ? 'yes'
    : d.noEnvironment
      ? 'no (no such environment)'
      : d.fallback
        ? `no (falls back to ${SCOPE[d.fallback.scope]})`
        : 'no';
  const shown = d.item ?? d.fallback;
  // Secret and environment names come from the config and the API: escaped like any cell.
  const cells = [
    escapeMarkdown(environment),
    codeCell(d.secret),
    present,
    shown ? SCOPE[shown.scope] : '—',
    day(shown?.updatedAt),
    day(d.dueAt),
    STATUS[d.status],
  ];
  return `| ${cells.join(' | ')} |`;
}
