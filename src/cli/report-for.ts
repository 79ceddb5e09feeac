import type { Config } from '../policy/config-schema.js';
import { buildDetectors } from '../scan/build-detectors.js';
import { envFileRule } from '../scan/hygiene.js';
import type { ScanResult } from '../types.js';
import { VERSION } from '../version.js';
import type { CliSettings } from './parse-args.js';

/** The report in the format asked for; only that format's renderer is loaded. */
export async function reportFor(result: ScanResult, settings: CliSettings, config: Config): Promise<string> {
  if (settings.format === 'json') return (await import('../report/render-json.js')).renderJson(result);
  const detectors = [...buildDetectors(config), envFileRule];
  if (settings.format === 'sarif')
    return (await import('../report/render-sarif.js')).renderSarif(result, { detectors, toolVersion: VERSION });
  return (await import('../report/render-text.js')).renderText(result, { color: settings.color, detectors });
}
