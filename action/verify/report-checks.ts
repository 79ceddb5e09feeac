import * as core from '@actions/core';
import { actionLog } from '../action-log.js';
import type { ActionSettings } from '../settings.js';

/** One failed (or passed) check of the environments, verify or compare modes. */
export interface Check {
  level: 'error' | 'warning';
  /** Annotation title, e.g. "OPENAI_API_KEY overdue in production". */
  title: string;
  /** One plain-text sentence: what is wrong and what to do. */
  message: string;
}

/**
 * Writes one annotation per check, the `findings` output (failed checks, errors and warnings), and
 * fails the step as `fail-on` says. GitHub shows 10 errors and 10 warnings per step; the job summary
 * lists every check. https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
 */
export function reportChecks(checks: Check[], failOn: ActionSettings['failOn'], noun: string): void {
  for (const check of checks) actionLog[check.level](check.message, { title: check.title });
  const errors = checks.filter((c) => c.level === 'error').length;
  const warnings = checks.length - errors;
  core.setOutput('findings', String(checks.length));
  const fails = failOn === 'error' ? errors > 0 : failOn === 'warning' ? checks.length > 0 : false;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (fails)
    actionLog.setFailed(
      `${plural(checks.length, `${noun} failed`, `${noun}s failed`)} (${counts}): see the annotations and the job summary.`,
    );
  else if (checks.length > 0) actionLog.info(`${counts}; fail-on: ${failOn}, so the step passes.`);
  else actionLog.info(`All ${noun}s passed.`);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
