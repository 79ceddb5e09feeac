import { showControls } from './show-controls.js';

const ZWSP = '\u200b';

/**
 * Text from input (paths, branch names, authors, key kinds, messages, what a user wrote) as plain
 * Markdown that reads as typed, in a table cell, a list item or an issue body: control characters
 * written out (showControls), so it stays on one line; `&`, `<` and `>` as entities (no HTML, no
 * hidden `<!-- … -->` marker); the punctuation that starts emphasis, links, images, code spans,
 * strikethrough, headings and table cells backslash-escaped; and a zero-width space after every `@`,
 * and after `#` or `GH-` before a number, so GitHub neither mentions anyone nor links (and notifies)
 * another issue. A backslash does not stop a mention: GitHub finds them in the rendered text.
 * Renovate and Dependabot break mentions the same way.
 * https://docs.github.com/get-started/writing-on-github/getting-started-with-writing-and-formatting-on-github/basic-writing-and-formatting-syntax#mentioning-people-and-teams
 * https://docs.github.com/get-started/writing-on-github/working-with-advanced-formatting/autolinked-references-and-urls#issues-and-pull-requests
 */
export function escapeMarkdown(text: string): string {
  return showControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\|*_[\]`#!~]/g, '\\$&')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/(#|\bGH-)(?=\d)/gi, `$1${ZWSP}`);
}

/**
 * A code span for a table cell: a backtick would close it, GitHub ends the cell at `|` even inside
 * one (`\|` keeps it), and control characters are shown written out.
 */
export function codeCell(text: string): string {
  return `\`${showControls(text).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}
