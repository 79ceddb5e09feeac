import type { Config } from '../policy/config-schema.js';
import { readChunksSync } from '../sources/read-chunks.js';
import type { Finding, Notice } from '../types.js';
import { createScannerForConfig } from './scanner-for-config.js';

/** What scanning a batch of files gave. */
export interface BatchResult {
  findings: Finding[];
  notices: Notice[];
  files: number;
  bytes: number;
}

/** Reads and scans files one by one; a file that cannot be read is a notice, never an abort. */
export function createFileScanner(
  root: string,
  config: Config,
  maxBytes: number,
  onSecret?: (secret: string, detector: string) => void,
) {
  const scan = createScannerForConfig(config, onSecret);
  return async function scanFiles(paths: readonly string[]): Promise<BatchResult> {
    const out: BatchResult = { findings: [], notices: [], files: 0, bytes: 0 };
    for (const path of paths) {
      let readable = false;
      // One finding per key per file: the same value repeated down a file is one leak to fix.
      const seen = new Set<string>();
      for (const read of readChunksSync(root, path, maxBytes)) {
        if ('reason' in read) {
          out.notices.push(read);
          continue;
        }
        readable = true;
        out.bytes += (read.reportTo ?? read.text.length) - (read.reportFrom ?? 0); // the shared context counts once
        for (const f of scan(read)) {
          if (!seen.has(f.fingerprint)) out.findings.push(f);
          seen.add(f.fingerprint);
        }
      }
      if (readable) out.files++;
    }
    return out;
  };
}
