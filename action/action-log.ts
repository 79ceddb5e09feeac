import * as core from '@actions/core';
import type { AnnotationProperties } from '@actions/core';
import { safeText } from './safe-text.js';

/**
 * The one way the Action writes to the workflow log: every message and annotation title goes
 * through safeText. @actions/core escapes `%`, `\r` and `\n` in an annotation's message and also
 * `:` and `,` in its properties, but core.info writes its text raw, and neither touches ESC or
 * `##[`. An annotation's `file` is left to core's property escaping: it must stay the real path for
 * GitHub to place the annotation, and it never starts a line.
 */
export const actionLog = {
  info(text: string): void {
    core.info(safeText(text));
  },
  error(message: string, properties: AnnotationProperties = {}): void {
    core.error(safeText(message), safeProperties(properties));
  },
  warning(message: string, properties: AnnotationProperties = {}): void {
    core.warning(safeText(message), safeProperties(properties));
  },
  notice(message: string, properties: AnnotationProperties = {}): void {
    core.notice(safeText(message), safeProperties(properties));
  },
  /** Fails the step with one line (an error annotation). */
  setFailed(message: string): void {
    core.setFailed(safeText(message));
  },
};

function safeProperties(properties: AnnotationProperties): AnnotationProperties {
  return properties.title === undefined ? properties : { ...properties, title: safeText(properties.title) };
}
