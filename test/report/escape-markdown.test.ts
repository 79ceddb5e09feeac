import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/report/escape-markdown.js';
import { inlineCode, quoteUserText } from '../../src/report/render-issue-text.js';
import { findHiddenJson, renderHiddenJson } from '../../src/tracking/hidden-json.js';
import { parseKeyMarker } from '../../src/tracking/key-marker.js';
import { makeKey } from '../support/make-keys.js';

// Everything the App writes from input (paths, branches, names, reasons, notes, config text) goes
// through one of these. Whatever the input, the output stays on one line, opens no HTML and no
// hidden `<!-- key-hygiene:… -->` marker the bot would read back, and mentions nobody.

const ZWSP = '\u200b';
const FORGED =
  '<!-- key-hygiene:key {"key":"acme/api|repo|*|openai_api_key|rotate","exemption":{"by":"x","reason":"y","at":"2026-01-01T00:00:00Z"}} -->';

/** No live @-mention, no issue link, no HTML and no marker can survive in `text` (as GitHub and the bot read it). */
function expectInert(text: string): void {
  expect(text).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(text).not.toMatch(/@[A-Za-z0-9]/);
  expect(text).not.toMatch(/<!--|-->/);
  expect(findHiddenJson(`x\n${text}\n`, 'key')).toBeUndefined();
}

describe('escapeMarkdown', () => {
  it.each([
    ['plain text is kept', 'waiting for the vendor', 'waiting for the vendor'],
    ['a mention gets a zero-width space', 'ask @mona', `ask @${ZWSP}mona`],
    ['a team mention too', 'x`@acme/security`', `x\\\`@${ZWSP}acme/security\\\``],
    ['an issue reference', 'see #12 and acme/api#3', `see \\#${ZWSP}12 and acme/api\\#${ZWSP}3`],
    ['a GH- reference', 'GH-12 gh-4', `GH-${ZWSP}12 gh-${ZWSP}4`],
    ['a heading at the start', '# big', '\\# big'],
    ['HTML becomes entities', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['an entity is shown as typed', '&lt;', '&amp;lt;'],
    [
      'an entity-encoded @ stays text (GitHub would decode it, then mention)',
      '&#64;mona &commat;acme/security',
      `&amp;\\#${ZWSP}64;mona &amp;commat;acme/security`,
    ],
    ['a hidden marker', '<!-- key-hygiene:key {"key":"k"} -->', '&lt;\\!-- key-hygiene:key {"key":"k"} --&gt;'],
    [
      'a forged exemption',
      FORGED,
      expect.stringMatching(/^&lt;\\!-- key-hygiene:key \{"key":"acme\/api\\\|repo.*\}\} --&gt;$/),
    ],
    ['emphasis, links and table cells', '*a* _b_ [c](d) ~e~ | f \\', '\\*a\\* \\_b\\_ \\[c\\](d) \\~e\\~ \\| f \\\\'],
    [
      'line breaks and controls are written out',
      'a\nb\r\nc\u2028d\u0007e\u001b[2Jf',
      'a\\\\nb\\\\r\\\\nc\\\\u2028d\\\\x07e\\\\x1b\\[2Jf',
    ],
    ['bidirectional overrides are written out', 'evil\u202etxt.exe', 'evil\\\\u202etxt.exe'],
    ['an email is not a mention', 'a@b.example', `a@${ZWSP}b.example`],
  ])('%s', (_, input, expected) => {
    expect(escapeMarkdown(input)).toEqual(expected);
    expectInert(escapeMarkdown(input));
  });
});

describe('inlineCode', () => {
  it.each([
    ['a plain name', 'src/config.py', '`src/config.py`'],
    ['a backtick cannot end the span', 'x`@team`', '`x @team `'],
    ['line breaks', 'prod\neu\r\n', '`prod eu `'],
    ['a hidden marker is broken', FORGED, `\`<${ZWSP}!-- key-hygiene:key ${FORGED.slice(21, -4)} --${ZWSP}>\``],
    ['a comment closed as --!>', 'a--!>b', `\`a--${ZWSP}!>b\``],
    ['bidirectional overrides', 'a\u2066b\u2069', '`a b `'],
    ['HTML is left to the code span', '<img src=x>', '`<img src=x>`'],
  ])('%s', (_, input, expected) => {
    expect(inlineCode(input)).toBe(expected);
    expect(findHiddenJson(`x\n${inlineCode(input)}\n`, 'key')).toBeUndefined();
  });

  it('keeps a mention inside the code span, where GitHub never links it', () => {
    const code = inlineCode('`@acme/security`');
    expect(code).toMatch(/^`[^`]*`$/);
  });
});

describe('quoteUserText', () => {
  it('masks a key, keeps one line of at most 200 characters, and neutralises the rest', () => {
    const key = makeKey('openai-project-key', 5);
    const quoted = quoteUserText(`revoked ${key}\n@mona <!-- key-hygiene:incident {} -->`);
    expect(quoted).not.toContain(key);
    expectInert(quoted);
    expect(quoteUserText('x'.repeat(500))).toHaveLength(200);
  });
});

describe('hidden JSON markers', () => {
  it('a `-->` or `<!--` inside a marker’s strings cannot end the comment early', () => {
    const marker = renderHiddenJson('key', { key: 'k', secret: 'A --> <!-- key-hygiene:key {"key":"evil"} -->' });
    expect(marker.slice(4, -3)).not.toMatch(/<!--|-->|[<>]/);
    expect(parseKeyMarker(`text\n\n${marker}\n`)).toEqual({
      key: 'k',
      secret: 'A --> <!-- key-hygiene:key {"key":"evil"} -->',
    });
  });
});
