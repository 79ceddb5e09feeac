import type { Config } from '../policy/config-schema.js';
import { showControls } from '../report/show-controls.js';
import { buildDetectors } from '../scan/build-detectors.js';
import { confidenceOf } from '../detectors/confidence-of.js';

/**
 * `key-hygiene detectors`: one line per detector the config turns on, with its severity and confidence
 * (a custom key kind shown with its control characters written out).
 */
export function renderDetectorList(config: Config): string {
  const list = buildDetectors(config);
  const width = Math.max(...list.map((d) => d.id.length));
  const lines = list.map(
    (d) => `${d.id.padEnd(width)}  ${d.severity.padEnd(8)}  ${confidenceOf(d).padEnd(6)}  ${showControls(d.keyKind)}`,
  );
  return `${lines.join('\n')}\n`;
}
