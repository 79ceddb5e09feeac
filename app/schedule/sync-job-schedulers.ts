import { createHash } from 'node:crypto';
import type { JobsOptions, Queue } from 'bullmq';

const PREFIX = 'installation-';

/** The schedule of installation `id`'s sweeps (no colon: BullMQ names its jobs `repeat:<id>:<time>`). */
export function schedulerIdOf(installationId: number): string {
  return `${PREFIX}${installationId}`;
}

/**
 * Where in each period installation `id` is swept: a fixed share of `jitterMs` drawn from its id, so
 * installations don't all hit GitHub at once and a restart, which upserts the schedules again,
 * doesn't move them. At least 1 ms: BullMQ aligns a schedule with an offset to whole periods.
 */
export function offsetOf(installationId: number, everyMs: number, jitterMs: number): number {
  const share = createHash('sha256').update(String(installationId)).digest().readUInt32BE(0) / 2 ** 32;
  return 1 + Math.floor(share * Math.max(0, Math.min(jitterMs, everyMs - 1) - 1));
}

/**
 * One BullMQ job scheduler per installation, each making an `installation` job once a period
 * (https://docs.bullmq.io/guide/job-schedulers); those of installations gone are removed. Every
 * app process may call this: an upsert with the same options keeps the next run where it was.
 */
export async function syncJobSchedulers(
  queue: Queue,
  installations: readonly number[],
  s: { everyMs: number; jitterMs: number; jobOptions: JobsOptions },
): Promise<void> {
  const { attempts, backoff, removeOnComplete, removeOnFail } = s.jobOptions;
  const opts = { attempts, backoff, removeOnComplete, removeOnFail };
  for (const id of installations) {
    await queue.upsertJobScheduler(
      schedulerIdOf(id),
      { every: s.everyMs, offset: offsetOf(id, s.everyMs, s.jitterMs) },
      { name: 'installation', data: { installationId: id }, opts },
    );
  }
  const wanted = new Set(installations.map(schedulerIdOf));
  for (const scheduler of await queue.getJobSchedulers()) {
    if (scheduler.key.startsWith(PREFIX) && !wanted.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key);
  }
}
