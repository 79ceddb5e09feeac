import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../policy/config-schema.js';
import { createFileScanner, type BatchResult } from './scan-files.js';

const BATCH_FILES = 64;
const BATCH_BYTES = 8 * 1024 * 1024;
/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 200;
/**
 * lib/scan/scan-worker.js, both from lib/scan/ and from the CLI's bundle in lib/cli-bundle/ (the same
 * `../scan/` from either). Spelled so bundlers leave it alone: they would copy the worker's one file
 * next to the bundle, without the modules it imports. Where it is not (the tests run the sources, the
 * Action's bundle), the scan runs on the current thread.
 */
const WORKER_URL = new URL('../scan/scan-worker.js', String(import.meta.url));

export interface TreeScanOptions {
  root: string;
  config: Config;
  maxBytes: number;
  workers?: number;
  onProgress?: (done: BatchResult) => void;
  /** See ScannerOptions.onSecret; a callback cannot cross into a worker, so the scan stays on this thread. */
  onSecret?: (secret: string, detector: string) => void;
}

/**
 * Scans a list of files, fanned out over worker threads (one per core) in small batches that each
 * worker pulls when it is free, so one huge file does not hold the others back. Falls back to the
 * current thread for small trees, or when the compiled worker is not there (tests run the sources).
 */
export async function scanTreeFiles(paths: readonly string[], options: TreeScanOptions): Promise<BatchResult> {
  const threads = Math.min(options.workers ?? availableParallelism(), Math.ceil(paths.length / BATCH_FILES));
  const total: BatchResult = { findings: [], notices: [], files: 0, bytes: 0 };
  const add = (r: BatchResult) => {
    total.findings.push(...r.findings);
    total.notices.push(...r.notices);
    total.files += r.files;
    total.bytes += r.bytes;
    options.onProgress?.(r);
  };
  if (
    threads <= 1 ||
    paths.length < MIN_FILES_FOR_WORKERS ||
    options.onSecret ||
    !existsSync(fileURLToPath(WORKER_URL))
  ) {
    const scanFiles = createFileScanner(options.root, options.config, options.maxBytes, options.onSecret);
    for (let i = 0; i < paths.length; i += BATCH_FILES) add(await scanFiles(paths.slice(i, i + BATCH_FILES)));
    return total;
  }
  const batches = batchBySize(options.root, paths);
  await Promise.all(Array.from({ length: threads }, () => runWorker(batches, options, add)));
  return total;
}

/**
 * Batches of similar work, largest first, so the threads finish together: sorted paths put a
 * folder's ten 70 MB files side by side, and one batch of them would leave the other threads idle.
 */
function batchBySize(root: string, paths: readonly string[]): string[][] {
  const sized = paths.map((path) => ({ path, size: sizeOf(join(root, path)) })).sort((a, b) => b.size - a.size);
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const { path, size } of sized) {
    if (batch.length > 0 && (batch.length >= BATCH_FILES || bytes + size > BATCH_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(path);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the reader reports why
  }
}

function runWorker(queue: string[][], options: TreeScanOptions, add: (r: BatchResult) => void): Promise<void> {
  const { root, config, maxBytes } = options;
  const worker = new Worker(WORKER_URL, {
    workerData: { root, config, maxBytes },
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  return new Promise((resolve, reject) => {
    const next = () => {
      const batch = queue.shift();
      if (batch) worker.postMessage(batch);
      else void worker.terminate().then(() => resolve());
    };
    worker.on('message', (r: BatchResult) => {
      add(r);
      next();
    });
    worker.on('error', reject);
    next();
  });
}
