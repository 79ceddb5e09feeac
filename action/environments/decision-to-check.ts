import type { Decision } from '../../src/inventory/decision.js';
import type { Check } from '../verify/report-checks.js';

const TITLE = {
  'due-soon': 'due for rotation',
  overdue: 'overdue for rotation',
  'shared-across-environments': 'shared across environments',
  missing: 'missing',
} as const;

/** A failed decision as an annotation; `ok` decisions give none. */
export function decisionToCheck(decision: Decision): Check[] {
  if (decision.level === 'ok') return [];
  if (decision.kind === 'environment') {
    return [
      { level: decision.level, title: `Environment ${decision.environment} is unprotected`, message: decision.message },
    ];
  }
  const where = decision.environment ? ` in ${decision.environment}` : '';
  const status = decision.status === 'ok' ? 'ok' : TITLE[decision.status];
  return [{ level: decision.level, title: `${decision.secret} ${status}${where}`, message: decision.message }];
}
