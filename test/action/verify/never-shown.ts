import { expect } from 'vitest';
import type { ActionRun } from '../../support/run-action.js';

/** The annotations that have a title, as `[level, title]`. */
export const titles = (result: ActionRun) =>
  result.annotations.filter((a) => a.properties.title !== undefined).map((a) => [a.level, a.properties.title]);

/**
 * Neither the verified key nor the admin key is printed anywhere (nor a 30-character run of its
 * middle), and both were masked.
 */
export function expectNeverShown(result: ActionRun, ...values: string[]): void {
  const printed = result.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  for (const value of values) {
    expect(result.masked).toContain(value);
    for (const text of [printed, result.stderr, result.summary, JSON.stringify(result.outputs)]) {
      expect(text).not.toContain(value);
      expect(text).not.toContain(value.slice(15, 45));
    }
  }
}
