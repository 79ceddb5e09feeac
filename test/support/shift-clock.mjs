// Preloaded (`node --import`) into an App process that a test runs on the GitHub emulator's clock:
// moves this process's wall clock by KEY_HYGIENE_TEST_CLOCK_SHIFT_MS, so the `now` its sweep plans
// with and the JWTs it signs agree with the emulator's clock after the test moved it days ahead.
// The processes read the host clock (app/cli/main.ts); this is the test's time machine for them.
const shift = Number(process.env.KEY_HYGIENE_TEST_CLOCK_SHIFT_MS ?? 0);
if (Number.isFinite(shift) && shift !== 0) {
  const HostDate = Date;
  globalThis.Date = class ShiftedDate extends HostDate {
    constructor(...args) {
      if (args.length === 0) super(HostDate.now() + shift);
      else super(...args);
    }

    static now() {
      return HostDate.now() + shift;
    }
  };
}
