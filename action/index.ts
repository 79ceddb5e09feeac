// The Action's entry point, bundled into dist/index.js by `npm run bundle`.
import { run } from './main.js';

await run();
