// The Action's entry point, bundled into dist/index.js by `npm run bundle`.
import '../src/policy/re2js-bundled.js';
import { run } from './main.js';

await run();
