import { describe, expect, it } from 'vitest';
import { codeCell, escapeMarkdown } from '../../src/report/escape-markdown.js';
import { showControls } from '../../src/report/show-controls.js';

describe('showControls', () => {
  it('writes out C0, DEL, C1 (U+009B CSI), line separators and bidi controls; leaves the rest', () => {
    expect(showControls('a\nb\rc\td\u0000e\u001b[8mf\u007fg\u0085h\u009bi\u2028j\u202ek\u2066l\u200fm\u061c')).toBe(
      'a\\nb\\rc\\td\\x00e\\x1b[8mf\\x7fg\\x85h\\x9bi\\u2028j\\u202ek\\u2066l\\u200fm\\u061c',
    );
    expect(showControls('src/ünïcode 文件.ts')).toBe('src/ünïcode 文件.ts');
  });
});

describe('escapeMarkdown and codeCell', () => {
  it('keep a table cell one cell on one line, with no HTML, comment, link or code span from input', () => {
    const text = 'a|b`c<!-- x -->\n\n</details>[l](u)\u001b';
    expect(escapeMarkdown(text)).toBe('a\\|b\\`c&lt;\\!-- x --&gt;\\\\n\\\\n&lt;/details&gt;\\[l\\](u)\\\\x1b');
    expect(codeCell(text)).toBe("`a\\|b'c<!-- x -->\\n\\n</details>[l](u)\\x1b`");
  });
});
