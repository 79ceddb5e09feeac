import type { WriteWindow } from '../octokit/content-pacer.js';
import type { ClientCare } from '../octokit/prepare-client.js';
import { MemoryWindows, RedisWindows, type SlidingWindows } from '../octokit/sliding-windows.js';

const MINUTE = 60_000;

/**
 * How many commands the app answers. Anyone who can comment on a bot issue can send commands, and
 * each costs requests (`/rotated` re-sweeps, about 16) and writes taken from the installation's
 * content pacer, which incidents and check runs share (GitHub: 80 writes a minute, 500 an hour,
 * app/octokit/content-pacer.ts). A command over a limit is dropped without an answer: answering
 * would be the write the limit saves.
 */
export const COMMAND_LIMITS = {
  /** One login in one installation; users with write access get {@link COMMAND_LIMITS.writer} once this is spent. */
  actor: [{ limit: 10, windowMs: 10 * MINUTE }],
  writer: [{ limit: 60, windowMs: 10 * MINUTE }],
  /** One issue, whoever comments. */
  issue: [{ limit: 20, windowMs: 10 * MINUTE }],
  /** `/help` and `/status` on one issue: answered once a window; the answer is on the issue for the next asker. */
  once: [{ limit: 1, windowMs: 10 * MINUTE }],
  /**
   * All commands of one installation: each writes at most twice (the description, the reply), so
   * commands take at most half of GitHub's 80 writes a minute and about half of its 500 an hour;
   * the rest is kept for incidents, check runs and sweeps.
   */
  installation: [
    { limit: 20, windowMs: MINUTE },
    { limit: 120, windowMs: 60 * MINUTE },
  ],
} satisfies Record<string, readonly WriteWindow[]>;

export interface CommandAsk {
  installationId: number;
  /** `owner/repo`. */
  repository: string;
  issue: number;
  actor: string;
  command: string;
  now: number;
  /** Whether the actor has write access or better; asked (a request) only once their own allowance is spent. */
  isWriter: () => Promise<boolean>;
}

/** Undefined when the command may be answered; else which limit turned it away (for the log). */
export async function throttleCommand(windows: SlidingWindows, ask: CommandAsk): Promise<string | undefined> {
  const { installationId: id, now } = ask;
  const repository = ask.repository.toLowerCase();
  const actor = ask.actor.toLowerCase();
  if (!(await windows.admit(`actor:${id}:${actor}`, COMMAND_LIMITS.actor, now))) {
    const writer = await ask.isWriter().catch(() => false);
    if (!writer || !(await windows.admit(`writer:${id}:${actor}`, COMMAND_LIMITS.writer, now)))
      return `${ask.actor} sent more than ${writer ? COMMAND_LIMITS.writer[0]!.limit : COMMAND_LIMITS.actor[0]!.limit} commands in 10 minutes`;
  }
  if (!(await windows.admit(`issue:${id}:${repository}#${ask.issue}`, COMMAND_LIMITS.issue, now)))
    return `more than ${COMMAND_LIMITS.issue[0]!.limit} commands on the issue in 10 minutes`;
  if (
    (ask.command === 'help' || ask.command === 'status') &&
    !(await windows.admit(`once:${id}:${repository}#${ask.issue}:${ask.command}`, COMMAND_LIMITS.once, now))
  )
    return `/${ask.command} was answered on the issue in the last 10 minutes`;
  if (!(await windows.admit(`installation:${id}`, COMMAND_LIMITS.installation, now)))
    return "the installation's share of writes for commands is spent";
  return undefined;
}

const throttles = new WeakMap<ClientCare, SlidingWindows>();

/** The windows of the clients' care: shared through its Redis when it has one (`REDIS_URL`), else this process's. */
export function commandWindowsOf(care: ClientCare): SlidingWindows {
  let windows = throttles.get(care);
  if (!windows) throttles.set(care, (windows = care.redis ? new RedisWindows(care.redis) : new MemoryWindows()));
  return windows;
}
