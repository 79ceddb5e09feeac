import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const EXPECTED = new URL('./expected/', import.meta.url);

/**
 * Compares a reporter's output with a reviewed file under test/report/expected/. With
 * UPDATE_EXPECTED=1 it rewrites the file instead; review the diff before committing it.
 */
export function expectMatchesFile(actual: string, name: string): void {
  const file = new URL(name, EXPECTED);
  if (process.env.UPDATE_EXPECTED === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
