import type { Detector } from '../detectors/detector.js';
import { detectors as builtIn } from '../detectors/registry.js';
import { compileConfigRegex } from '../policy/config-regex.js';
import type { Config, CustomDetector } from '../policy/config-schema.js';

/** The detectors a config asks for: built-ins minus the disabled ones, severities overridden, custom ones added. */
export function buildDetectors(config: Config): Detector[] {
  const { disable, severity, detectors: custom } = config.scan;
  const chosen = [...builtIn, ...custom.map(toDetector)].filter((d) => !disable.includes(d.id));
  return chosen.map((d) => (severity[d.id] ? { ...d, severity: severity[d.id]! } : d));
}

/** A repository's detector runs on RE2, never on RegExp: its pattern is config input (config-regex.ts). */
function toDetector(c: CustomDetector): Detector {
  return {
    id: c.id,
    provider: 'custom',
    keyKind: c['key-kind'],
    severity: c.severity,
    risk: `A ${c['key-kind']} grants whatever its issuer allows to anyone who reads it.`,
    remediation: c.remediation,
    keywords: c.keywords.map((k) => k.toLowerCase()),
    pattern: /(?!)/g,
    matcher: compileConfigRegex(c.pattern),
    ...(c['min-entropy'] !== undefined && { minEntropy: c['min-entropy'] }),
    ...(c.confidence !== undefined && { confidence: c.confidence }),
    examples: { positive: () => [], negative: [] },
  };
}
