import type { TrackedState } from './tracked-key.js';

/** Every key issue carries this label; the adapter lists the bot's issues by it. */
export const TRACKING_LABEL = 'key-hygiene';
/** Every leak incident carries it besides {@link TRACKING_LABEL}: incidents are listed, and told from key issues, by it. */
export const LEAK_LABEL = 'leak';
/** Added once, when an overdue key is escalated to `escalate-to`. */
export const ESCALATED_LABEL = 'escalated';

/** The label that says what is wrong with the key. */
export const STATE_LABELS: Record<TrackedState, string> = {
  'due-soon': 'due-soon',
  overdue: 'overdue',
  shared: 'shared-key',
  missing: 'missing-key',
  unprotected: 'unprotected-environment',
};

/** The labels an issue in `state` should carry. */
export function labelsFor(state: TrackedState, escalated: boolean): string[] {
  return [TRACKING_LABEL, STATE_LABELS[state], ...(escalated ? [ESCALATED_LABEL] : [])];
}

/** What to add and remove so that `current` carries `wanted` (labels the bot does not own are left alone). */
export function labelChanges(current: string[], wanted: string[]): { add: string[]; remove: string[] } {
  const has = new Set(current.map((l) => l.toLowerCase()));
  const wants = new Set(wanted.map((l) => l.toLowerCase()));
  const owned = new Set([...Object.values(STATE_LABELS), ESCALATED_LABEL]);
  return {
    add: wanted.filter((l) => !has.has(l.toLowerCase())),
    remove: current.filter((l) => owned.has(l.toLowerCase()) && !wants.has(l.toLowerCase())),
  };
}
