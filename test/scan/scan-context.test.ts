import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry.js';
import { MULTILINE_WINDOW_AFTER, SCAN_CONTEXT, WINDOW_BEFORE } from '../../src/scan/scan-context.js';

describe('SCAN_CONTEXT', () => {
  // Pieces of a long file carry SCAN_CONTEXT of their neighbours' text: a detector reading further
  // around a keyword than the widest default window could miss a key near a cut.
  it('covers the window of every detector', () => {
    const wider = detectors.filter(
      (d) => d.window && d.window.before + d.window.after > WINDOW_BEFORE + MULTILINE_WINDOW_AFTER,
    );
    expect(wider.map((d) => d.id)).toEqual([]);
    expect(SCAN_CONTEXT.before).toBeGreaterThan(WINDOW_BEFORE + MULTILINE_WINDOW_AFTER);
    expect(SCAN_CONTEXT.after).toBeGreaterThan(64 * 1024);
  });
});
