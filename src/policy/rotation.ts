import type { Config, KeyPolicy } from './config-schema.js';
import { parseDuration } from './duration.js';
import { showConfigText } from './show-config-input.js';

/** How often a key must be rotated, and how early to warn before it is due. */
export interface Rotation {
  everyMs: number;
  remindBeforeMs: number;
}

export type RotationStatus = 'ok' | 'due-soon' | 'overdue';

/** The key's own `rotate-every` / `remind-before`, else the policy's top-level defaults. */
export function rotationFor(key: KeyPolicy | undefined, config: Config): Rotation {
  return {
    everyMs: durationMs(key?.['rotate-every'] ?? config['rotate-every']),
    remindBeforeMs: durationMs(key?.['remind-before'] ?? config['remind-before']),
  };
}

/**
 * Where a secret last rotated at `updatedAt` stands at `now`: overdue from its due date on,
 * due-soon within `remind-before` of it, ok before that.
 */
export function rotationStatus(
  updatedAt: Date,
  rotation: Rotation,
  now: Date,
): { status: RotationStatus; dueAt: Date } {
  const dueAt = new Date(updatedAt.getTime() + rotation.everyMs);
  const left = dueAt.getTime() - now.getTime();
  const status = left <= 0 ? 'overdue' : left <= rotation.remindBeforeMs ? 'due-soon' : 'ok';
  return { status, dueAt };
}

function durationMs(text: string): number {
  const ms = parseDuration(text);
  // The schema refuses anything parseDuration cannot read, so this only fires on a hand-built config.
  if (ms === undefined) throw new Error(`'${showConfigText(text)}' is not a duration such as 90d, 2w or 12h`);
  return ms;
}
