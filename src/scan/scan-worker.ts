// A worker thread of the tree scan: it reads and scans the batches of paths the main thread sends.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../policy/config-schema.js';
import { createFileScanner } from './scan-files.js';

const { root, config, maxBytes } = workerData as { root: string; config: Config; maxBytes: number };
const scanFiles = createFileScanner(root, config, maxBytes);

parentPort!.on('message', async (paths: string[]) => {
  parentPort!.postMessage(await scanFiles(paths));
});
