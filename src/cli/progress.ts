/** A one-line progress display on stderr, only when stderr is a terminal. */
export function createProgress(stderr: { write(text: string): unknown; isTTY?: boolean }, mode: string) {
  if (!stderr.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(p: { files: number; bytes: number; commits: number }) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      const mb = (p.bytes / 1e6).toFixed(1);
      const what = mode === 'tree' ? `${p.files} files` : `${p.commits} commits, ${p.files} files`;
      stderr.write(`\r\x1b[2Kscanning: ${what}, ${mb} MB`);
    },
    done() {
      if (shown) stderr.write('\r\x1b[2K');
    },
  };
}
