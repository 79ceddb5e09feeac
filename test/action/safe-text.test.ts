import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { safeText } from '../../action/safe-text.js';

const ACTION = fileURLToPath(new URL('../../action', import.meta.url));

describe('safeText', () => {
  it('keeps every line break, terminal sequence and bidi override from the log, written out', () => {
    expect(safeText('a\n::stop-commands::t\r\n::error::x')).toBe('a\\n::stop-commands::t\\r\\n::error::x');
    expect(safeText('\u001b[2J\u001b]8;;http://x\u001b\\link\u009b8m\u202e\u2028')).toBe(
      '\\x1b[2J\\x1b]8;;http://x\\x1b\\link\\x9b8m\\u202e\\u2028',
    );
  });

  it('takes the meaning from `##[` anywhere, and from `::` at the start after any white space', () => {
    expect(safeText('skipped a ##[error]x ###[stop-commands]y')).toBe('skipped a ##\\[error]x ###\\[stop-commands]y');
    expect(safeText('::error::x')).toBe('\\::error::x');
    expect(safeText('\u00a0 \u3000::warning::x')).toBe('\\\u00a0 \u3000::warning::x');
    expect(safeText('\t::warning::x')).toBe('\\t::warning::x');
    expect(safeText('a :: b')).toBe('a :: b');
  });

  it('leaves ordinary text alone', () => {
    expect(safeText('skipped docs/ünïcode.bin: binary file, skipped')).toBe(
      'skipped docs/ünïcode.bin: binary file, skipped',
    );
  });
});

describe('the Action writes to the log only through actionLog', () => {
  it('no file of action/ but action-log.ts calls core.info, warning, error, notice, debug or setFailed', () => {
    const files = readdirSync(ACTION, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && f !== 'action-log.ts',
    );
    expect(files.length).toBeGreaterThan(10);
    const direct = files.filter((f) =>
      /\bcore\s*(\.\s*(info|warning|error|notice|debug|setFailed|startGroup)\b|\[)/.test(
        readFileSync(join(ACTION, f), 'utf8'),
      ),
    );
    expect(direct).toEqual([]);
  });
});
