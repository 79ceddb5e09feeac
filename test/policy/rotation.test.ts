import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/policy/parse-config.js';
import { rotationFor, rotationStatus } from '../../src/policy/rotation.js';

const DAY = 86_400_000;
const now = new Date('2026-06-01T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

describe('rotationFor', () => {
  const config = parseConfig(
    'rotate-every: 30d\nremind-before: 3d\nkeys:\n  - secret: A\n    rotate-every: 2w\n  - secret: B\n',
  );

  it("takes the key's own rotate-every and the top-level remind-before it omits", () => {
    expect(rotationFor(config.keys[0], config)).toEqual({ everyMs: 14 * DAY, remindBeforeMs: 3 * DAY });
  });

  it('falls back to the top-level defaults', () => {
    expect(rotationFor(config.keys[1], config)).toEqual({ everyMs: 30 * DAY, remindBeforeMs: 3 * DAY });
    expect(rotationFor(undefined, parseConfig(''))).toEqual({ everyMs: 90 * DAY, remindBeforeMs: 14 * DAY });
  });
});

describe('rotationStatus', () => {
  const rotation = { everyMs: 90 * DAY, remindBeforeMs: 14 * DAY };

  it.each([
    [10, 'ok'],
    [75, 'ok'],
    [76, 'due-soon'],
    [89, 'due-soon'],
    [90, 'overdue'],
    [400, 'overdue'],
  ] as const)('a secret updated %i days ago is %s', (days, status) => {
    expect(rotationStatus(ago(days), rotation, now)).toEqual({ status, dueAt: ago(days - 90) });
  });
});
