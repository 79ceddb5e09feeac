import type { Finding } from '../types.js';

/** The `--fail-on` (CLI) and `fail-on` (Action) threshold: errors, warnings too, or never. */
export type FailOn = 'error' | 'warning' | 'never';

const ERROR_SEVERITIES = new Set(['critical', 'high', 'medium']);

/** True when a finding reaches the `--fail-on` threshold: errors, warnings too, or never. */
export function failsOn(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'error') return findings.some((f) => ERROR_SEVERITIES.has(f.severity));
  return findings.some((f) => f.severity !== 'info');
}
