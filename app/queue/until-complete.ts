import type { RunReport } from './sweep-queue.js';
import { withinMs } from './within-ms.js';

/**
 * Looks at run `runId` every `pollMs` until it is complete. Redis may be down for a moment (a
 * restart, a failover): only once it has given no answer for `answerMs` does this fail, in one line.
 */
export async function untilComplete(runId: string, report: (runId: string) => Promise<RunReport>, pollMs: number, answerMs: number): Promise<RunReport> {
  let answered = Date.now();
  for (;;) {
    try {
      const now = await withinMs(report(runId), answerMs, `sweep queue: run ${runId}`);
      if (now.complete) return now;
      answered = Date.now();
    } catch (error) {
      if (Date.now() - answered >= answerMs) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
