import type { Severity } from '../types.js';

/** SARIF result levels: critical/high/medium fail a check, low warns, info advises. */
export const SARIF_LEVEL = {
  critical: 'error',
  high: 'error',
  medium: 'error',
  low: 'warning',
  info: 'note',
} as const satisfies Record<Severity, 'error' | 'warning' | 'note'>;

/**
 * GitHub code scanning ranks security alerts by `properties.security-severity`, a string holding a
 * number from 0.0 to 10.0: over 9.0 is critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#reportingdescriptor-object
 */
export const SECURITY_SEVERITY = {
  critical: '9.5',
  high: '8.0',
  medium: '6.0',
  low: '3.0',
  info: '1.0',
} as const satisfies Record<Severity, string>;
