import type { Config } from '../policy/config-schema.js';
import { renderJson } from '../report/render-json.js';
import { renderSarif } from '../report/render-sarif.js';
import { renderText } from '../report/render-text.js';
import { buildDetectors } from '../scan/build-detectors.js';
import { envFileRule } from '../scan/hygiene.js';
import type { ScanResult } from '../types.js';
import { VERSION } from '../version.js';
import type { CliSettings } from './parse-args.js';

/** The report in the format asked for. */
export function reportFor(result: ScanResult, settings: CliSettings, config: Config): string {
  const detectors = [...buildDetectors(config), envFileRule];
  if (settings.format === 'json') return renderJson(result);
  if (settings.format === 'sarif') return renderSarif(result, { detectors, toolVersion: VERSION });
  return renderText(result, { color: settings.color, detectors });
}
