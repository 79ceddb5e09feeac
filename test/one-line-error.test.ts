import { describe, expect, it } from 'vitest';
import { oneLineError } from '../src/one-line-error.js';

describe('oneLineError', () => {
  it("gives the first line of an error's message, without the stack", () => {
    expect(oneLineError(new Error('config: bad value "x"\n  at parse (parse.ts:1:1)'))).toBe('config: bad value "x"');
    expect(oneLineError(new Error('no newline'))).toBe('no newline');
    expect(oneLineError(new Error(''))).toBe('');
  });

  it('gives the first line of a thrown value that is not an Error, as text', () => {
    expect(oneLineError('plain text\nsecond')).toBe('plain text');
    expect(oneLineError(404)).toBe('404');
    expect(oneLineError(undefined)).toBe('undefined');
  });

  it('ends a Windows line without its carriage return', () => {
    expect(oneLineError(new Error('first\r\nsecond'))).toBe('first');
  });

  it('turns the control characters left on the line into one space a run, so a message cannot rewrite a terminal or a log', () => {
    expect(oneLineError(new Error('bad\rforged line'))).toBe('bad forged line');
    expect(oneLineError(new Error('red \u001b[31mtext\u001b[0m'))).toBe('red  [31mtext [0m');
    expect(oneLineError(new Error('tab\there, C1 \u009b and DEL \u007f'))).toBe('tab here, C1   and DEL  ');
    expect(oneLineError(new Error('a\u2028b\u2029c'))).toBe('a b c');
    expect(oneLineError(new Error('name \u202egnp.exe\u202c'))).toBe('name  gnp.exe ');
  });
});
