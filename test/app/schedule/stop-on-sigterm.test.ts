import { describe, expect, it } from 'vitest';
import { stopOnSigterm, type SignalDeps } from '../../../app/schedule/stop-on-signals.js';

// Review finding: a `stop` that rejected came back out of `.finally` as an unhandled rejection.
// The process's signals are faked: a real SIGTERM would end the test run.

function fakeSignals(): SignalDeps & { term: () => void; lines: string[]; resent: number } {
  let handler: (() => void) | undefined;
  const fake = {
    lines: [] as string[],
    resent: 0,
    onSigterm: (run: () => void) => void (handler = run),
    resend: () => void (fake.resent += 1),
    log: (line: string) => void fake.lines.push(line),
    term: () => handler!(),
  };
  return fake;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('stopOnSigterm', () => {
  it('stops, then sends SIGTERM again so the process ends as it would have', async () => {
    const signals = fakeSignals();
    let stopped = 0;
    stopOnSigterm(async () => void (stopped += 1), signals);
    expect(stopped).toBe(0);
    signals.term();
    await settle();
    expect({ stopped, resent: signals.resent, lines: signals.lines }).toEqual({ stopped: 1, resent: 1, lines: [] });
  });

  it('a stop that fails is one line, and the process still ends: no unhandled rejection', async () => {
    const signals = fakeSignals();
    const unhandled: unknown[] = [];
    const listen = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', listen);
    try {
      stopOnSigterm(() => Promise.reject(new Error('Connection is closed.\n    at Redis.quit')), signals);
      signals.term();
      await settle();
      expect(signals.lines).toEqual(['key-hygiene: stopping on SIGTERM failed: Connection is closed.']);
      expect(signals.resent).toBe(1);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listen);
    }
  });
});
