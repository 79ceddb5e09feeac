import { showControls } from './show-controls.js';

/**
 * Text from commits, files and config (paths, author names, key kinds, messages) as inline Markdown,
 * for a table cell or a list item: it must not end the cell, start a link, a heading or a code span,
 * open HTML or a comment that hides what follows, nor break the line. Control characters are shown
 * written out (showControls), then Markdown's own characters are escaped.
 */
export function escapeMarkdown(text: string): string {
  return showControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\|*_[\]`#!~])/g, '\\$1');
}

/**
 * A code span for a table cell: a backtick would close it, GitHub ends the cell at `|` even inside
 * one (`\|` keeps it), and control characters are shown written out.
 */
export function codeCell(text: string): string {
  return `\`${showControls(text).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}
