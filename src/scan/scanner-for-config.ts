import { compileConfigRegex } from '../policy/config-regex.js';
import type { Config } from '../policy/config-schema.js';
import { buildDetectors } from './build-detectors.js';
import { createScanner, type FragmentScanner, type ScannerOptions } from './scanner.js';

/** The scan function a config asks for (built the same way in the main thread and in workers). */
export function createScannerForConfig(config: Config, onSecret?: ScannerOptions['onSecret']): FragmentScanner {
  return createScanner(buildDetectors(config), {
    allowRegexes: config.scan.allow.regexes.map((r) => compileConfigRegex(r)),
    ...(onSecret && { onSecret }),
  });
}
