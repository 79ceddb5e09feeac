import { fileURLToPath, pathToFileURL } from 'node:url';

const SHIFT_CLOCK = pathToFileURL(fileURLToPath(new URL('../../support/shift-clock.mjs', import.meta.url))).href;

/**
 * The environment that moves the bundled Action's clock to the emulator's `now`
 * (support/shift-clock.mjs), so the Action's "last hour" is the emulator's.
 */
export function clockAt(now: Date): Record<string, string> {
  return {
    NODE_OPTIONS: `--import ${SHIFT_CLOCK}`,
    KEY_HYGIENE_TEST_CLOCK_SHIFT_MS: String(now.getTime() - Date.now()),
  };
}
