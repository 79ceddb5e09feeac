// A worker thread of the tree scan: it reads and scans the batches of paths the main thread sends.
import { parentPort, workerData } from 'node:worker_threads';
import { createFileScanner } from './scan-files.js';
const { root, config, maxBytes } = workerData;
const scanFiles = createFileScanner(root, config, maxBytes);
parentPort.on('message', async (paths) => {
    parentPort.postMessage(await scanFiles(paths));
});
