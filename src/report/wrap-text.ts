/**
 * Splits prose into lines of at most `width` characters at spaces (a longer word, such as a URL,
 * gets a line of its own). Remediation advice is a paragraph; indented and wrapped it stays readable
 * in an 80-to-120-column terminal and in CI logs, which don't wrap.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
