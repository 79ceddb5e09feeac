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
export function createFileScanner(root: string, config: Config, maxBytes: number) {
  const scan = createScannerForConfig(config);
  return async function scanFiles(paths: readonly string[]): Promise<BatchResult> {
    const out: BatchResult = { findings: [], notices: [], files: 0, bytes: 0 };
    for (const path of paths) {
      let readable = false;
      for (const read of readChunksSync(root, path, maxBytes)) {
        if ('reason' in read) {
          out.notices.push(read);
          continue;
        }
        readable = true;
        out.bytes += read.text.length;
        for (const f of scan(read)) out.findings.push(f);
      }
      if (readable) out.files++;
    }
    return out;
  };
}
