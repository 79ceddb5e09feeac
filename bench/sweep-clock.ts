import type { EmulatorClock } from '../test/support/github-emulator/index.js';

/**
 * The emulator's clock for the bench: it follows real time (in whole seconds, as GitHub's clock
 * shows), where the tests' clock stands still. A sweep of 10,000 repositories takes minutes: GitHub's
 * per-minute content limit must see those minutes pass, and the app's JWTs are signed with the real
 * time. `advance` still moves it on.
 */
export function createRealTimeClock(): EmulatorClock {
  let offset = 0;
  const now = () => new Date(Math.floor((Date.now() + offset) / 1000) * 1000);
  return {
    now,
    advance: (ms) => {
      offset += ms;
    },
    set: (date) => {
      offset = date.getTime() - Date.now();
    },
  };
}
