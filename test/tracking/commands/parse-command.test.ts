import { describe, expect, it } from 'vitest';
import { parseCommand, type Command } from '../../../src/tracking/commands/parse-command.js';

describe('parseCommand', () => {
  it.each<[string, Command | undefined]>([
    ['/rotated', { name: 'rotated' }],
    ['  /ROTATED  ', { name: 'rotated' }],
    ['/status', { name: 'status' }],
    ['/help', { name: 'help' }],
    [
      '/snooze 14d waiting for the vendor',
      { name: 'snooze', duration: '14d', ms: 14 * 86_400_000, reason: 'waiting for the vendor' },
    ],
    ['/snooze 2w', { name: 'snooze', duration: '2w', ms: 14 * 86_400_000, reason: '' }],
    [
      'Thanks!\n\n/snooze 3d on holiday\n/exempt nope',
      { name: 'snooze', duration: '3d', ms: 3 * 86_400_000, reason: 'on holiday' },
    ],
    ['/exempt test key, no real data', { name: 'exempt', reason: 'test key, no real data' }],
    ['/deploy now', { name: 'help', unknown: 'deploy' }],
    ['Just a comment', undefined],
    ['a path like /etc/passwd in a sentence', undefined],
    ['> /exempt quoted by someone', undefined],
    ['```\n/exempt in a code block\n```', undefined],
    ['', undefined],
  ])('%j', (body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  it.each([
    ['/snooze forever please', /needs a duration first.*`forever` is not one/],
    ['/snooze', /`\(nothing\)` is not one/],
    ['/snooze 0d', /`0d` is not one/],
    ['/exempt', /needs a reason/],
  ])('%j answers with help that says what was wrong', (body, problem) => {
    const command = parseCommand(body);
    expect(command?.name).toBe('help');
    expect(command && 'problem' in command && command.problem).toMatch(problem);
  });
});
