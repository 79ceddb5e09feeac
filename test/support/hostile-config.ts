/**
 * The config whose patterns backtrack for hours on a RegExp engine: a detector pattern with a nested
 * quantifier over the same characters, and an allow regex of the same shape. Each front must finish
 * under it and still report the keys.
 */
export const HOSTILE_CONFIG = [
  'scan:',
  '  allow:',
  "    regexes: ['([A-Za-z0-9]+)+-$']",
  '  detectors:',
  '    - id: acme-token',
  '      key-kind: Acme token',
  "      pattern: 'acme_(?<secret>(\\w+)+)!'",
  '',
].join('\n');
