import type { ChainableCommander, Redis } from 'ioredis';
import type { DashboardSkipped } from '../../src/tracking/dashboard/dashboard-skipped.js';
import type { OrgSecretsPass } from '../sweep/org-secrets-passes.js';
import type { RunProgress } from './until-complete.js';

/** What Redis holds of a run, shared by every process working it. */
export interface RunRecord {
  installationId?: number;
  /** The job that lists the installation's repositories and queues the others. */
  installationJobId?: string;
  /** The installation job has queued every other job of the run. */
  listed: boolean;
  targets: string[];
  done: Set<string>;
  skipped: string[];
  actions: number;
}

/** The Date fields of a key decision and its inventory items. */
const DATE_FIELDS = new Set(['updatedAt', 'dueAt']);

/**
 * A pass as `setOrgNote` wrote it, its dates revived; a note of an older version (`null`, or the
 * skipped line alone) is read as a pass with no decisions.
 */
function parseOrgNote(text: string): OrgSecretsPass {
  const note = JSON.parse(text, (key, value: unknown) =>
    DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value,
  ) as OrgSecretsPass | DashboardSkipped | null;
  if (note === null) return { decisions: [] };
  return 'decisions' in note ? note : { decisions: [], skipped: note };
}

const PARTS = ['', ':targets', ':done', ':skipped', ':orgs'] as const;

/**
 * A run's progress in Redis, so a restarted sweep skips repositories already done in that
 * run: which targets it has, which are done, its action count, and each organisation pass's
 * outcome. Every key expires after the run retention time.
 */
export class RunLedger {
  constructor(
    private readonly redis: Redis,
    private readonly retentionMs: number,
    private readonly prefix = 'key-hygiene:run:',
  ) {}

  /** The run (re)starts: it is listed again by its installation job. */
  async open(runId: string, installationId: number, installationJobId: string): Promise<void> {
    const multi = this.redis
      .multi()
      .hset(this.key(runId), { installationId, installationJobId })
      .hdel(this.key(runId), 'listed');
    await this.touch(multi, runId).exec();
  }

  /** The installation job queued every job: these are the run's targets and its archived repositories. */
  async listed(runId: string, targets: readonly string[], skipped: readonly string[]): Promise<void> {
    const multi = this.redis.multi();
    if (targets.length) multi.sadd(this.key(runId, ':targets'), ...targets);
    if (skipped.length) multi.sadd(this.key(runId, ':skipped'), ...skipped);
    multi.hset(this.key(runId), 'listed', '1');
    await this.touch(multi, runId).exec();
  }

  async done(runId: string): Promise<Set<string>> {
    return new Set(await this.redis.smembers(this.key(runId, ':done')));
  }

  /** `target` was swept, with `actions` issue actions. */
  async finish(runId: string, target: string, actions: number): Promise<void> {
    const multi = this.redis
      .multi()
      .sadd(this.key(runId, ':done'), target)
      .hincrby(this.key(runId), 'actions', actions);
    await this.touch(multi, runId).exec();
  }

  /** The outcome of the run's pass over `org`'s own secrets: their decisions, or why it skipped them. */
  async setOrgNote(runId: string, org: string, note: OrgSecretsPass): Promise<void> {
    const multi = this.redis.multi().hset(this.key(runId, ':orgs'), org.toLowerCase(), JSON.stringify(note));
    await this.touch(multi, runId).exec();
  }

  /** The outcome of `org`'s pass in this run; undefined while it has not run. */
  async orgNote(runId: string, org: string): Promise<OrgSecretsPass | undefined> {
    const text = await this.redis.hget(this.key(runId, ':orgs'), org.toLowerCase());
    return text === null ? undefined : parseOrgNote(text);
  }

  /** Whether the run was listed, and how many targets it has and has done: one round trip. */
  async progress(runId: string): Promise<RunProgress> {
    const answers = await this.redis
      .multi()
      .hget(this.key(runId), 'listed')
      .scard(this.key(runId, ':targets'))
      .scard(this.key(runId, ':done'))
      .exec();
    const [listed, targets, done] = (answers ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    return { listed: listed === '1', targets: Number(targets), done: Number(done) };
  }

  async read(runId: string): Promise<RunRecord> {
    const [meta, targets, done, skipped] = await Promise.all([
      this.redis.hgetall(this.key(runId)),
      this.redis.smembers(this.key(runId, ':targets')),
      this.redis.smembers(this.key(runId, ':done')),
      this.redis.smembers(this.key(runId, ':skipped')),
    ]);
    return {
      ...(meta.installationId && { installationId: Number(meta.installationId) }),
      ...(meta.installationJobId && { installationJobId: meta.installationJobId }),
      listed: meta.listed === '1',
      targets: targets.sort(),
      done: new Set(done),
      skipped: skipped.sort(),
      actions: Number(meta.actions ?? 0),
    };
  }

  private key(runId: string, part: (typeof PARTS)[number] = ''): string {
    return `${this.prefix}${runId}${part}`;
  }

  private touch(multi: ChainableCommander, runId: string): ChainableCommander {
    for (const part of PARTS) multi.pexpire(this.key(runId, part), this.retentionMs);
    return multi;
  }
}
