const ESCAPES: Record<string, number> = {
  a: 0x07,
  b: 0x08,
  t: 0x09,
  n: 0x0a,
  v: 0x0b,
  f: 0x0c,
  r: 0x0d,
  '"': 0x22,
  '\\': 0x5c,
};

/**
 * Turns a path as git prints it into the real path. Git wraps a path in double quotes and uses
 * C-style escapes when it holds a control character, a quote or a backslash, and (unless
 * `core.quotePath=false`) any non-ASCII byte as `\ooo` octal — so bytes are collected first and
 * decoded as UTF-8 at the end. An unquoted path is returned as is.
 * See https://git-scm.com/docs/git-config#Documentation/git-config.txt-corequotePath
 */
export function unquoteGitPath(printed: string): string {
  if (printed.length < 2 || !printed.startsWith('"') || !printed.endsWith('"')) return printed;
  const body = printed.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const code = body.codePointAt(i)!;
    if (code !== 0x5c) {
      if (code > 0xffff) i++; // a surrogate pair: one character, two code units
      for (const b of Buffer.from(String.fromCodePoint(code), 'utf8')) bytes.push(b);
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8) & 0xff);
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
