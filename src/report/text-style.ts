import { styleText } from 'node:util';
import type { Severity } from '../types.js';

/** The few looks the text report uses; each returns its input unchanged when colour is off. */
export interface TextStyle {
  path: (s: string) => string;
  dim: (s: string) => string;
  key: (s: string) => string;
  heading: (s: string) => string;
  severity: (severity: Severity, s: string) => string;
}

type Format = Parameters<typeof styleText>[0];

const SEVERITY_FORMAT: Record<Severity, Format> = {
  critical: ['bold', 'red'],
  high: 'red',
  medium: 'yellow',
  low: 'cyan',
  info: 'gray',
};

/**
 * Styles for the text report. The caller decides whether colour is on (TTY, NO_COLOR,
 * --color), so styleText must not second-guess it: `validateStream: false` stops it from
 * checking process.stdout, which in tests and pipes is not a terminal.
 */
export function createTextStyle(color: boolean): TextStyle {
  const paint = (format: Format) => (s: string) => (color ? styleText(format, s, { validateStream: false }) : s);
  return {
    path: paint('bold'),
    dim: paint('dim'),
    key: paint('magenta'),
    heading: paint('bold'),
    severity: (severity, s) => paint(SEVERITY_FORMAT[severity])(s),
  };
}
