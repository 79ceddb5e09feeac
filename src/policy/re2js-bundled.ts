// Imported for its effect by every bundled entry point (the Action, its scan worker, the sweep):
// a static import the bundler can follow, handed to load-re2js.ts.
import * as re2js from 're2js';
import { provideRe2js } from './load-re2js.js';

provideRe2js(re2js);
