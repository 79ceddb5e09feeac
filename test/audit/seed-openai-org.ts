import type { OpenAiAdminEmulator, SeededKey } from '../support/openai-admin-emulator.js';

/** The clock every end-to-end audit of the OpenAI emulator runs at. */
export const OPENAI_NOW = new Date('2026-06-01T12:00:00Z');

export interface SeededOpenAiOrg {
  /** The admin key the audit reads with (it expires 90 days after it was made: not a finding). */
  adminKey: SeededKey;
  project: { id: string; name: string };
  /** One key of each problem, and the clean ones. */
  keys: Record<'clean' | 'botClean' | 'overdue' | 'unused' | 'orphaned' | 'spike' | 'oldAdmin', SeededKey>;
}

/**
 * An organisation with one key of each problem the audit reports and two clean keys, at OPENAI_NOW with
 * the default policy (rotate-every 90d, unused-after 30d, spike 10× over 100 requests an hour).
 * `names` lets a test give every name a hostile suffix.
 */
export function seedOpenAiOrg(emu: OpenAiAdminEmulator, suffix = ''): SeededOpenAiOrg {
  const adminKey = emu.addAdminKey({ name: `audit${suffix}`, expiresAt: { daysAgo: -90 } });
  const project = emu.addProject({ name: `web${suffix}`, createdAt: { daysAgo: 500 } });
  const alice = emu.addUser(project.id, { name: `Alice${suffix}`, email: 'alice@example.com' });
  const bob = emu.addUser(project.id, { name: `Bob${suffix}`, email: 'bob@example.com' });
  const bot = emu.addServiceAccount(project.id, `deploy-bot${suffix}`);
  const key = (name: string, owner: string, createdDaysAgo: number, lastUsed: { hoursAgo: number } | null) =>
    emu.addKey(project.id, {
      name: `${name}${suffix}`,
      owner,
      createdAt: { daysAgo: createdDaysAgo },
      lastUsedAt: lastUsed,
    });
  const keys = {
    clean: key('clean', alice.id, 10, { hoursAgo: 2 }),
    botClean: key('bot-clean', bot.id, 5, { hoursAgo: 1 }),
    overdue: key('overdue', alice.id, 400, { hoursAgo: 2 }),
    unused: key('unused', alice.id, 45, null),
    orphaned: key('orphaned', bob.id, 10, { hoursAgo: 1 }),
    spike: key('spike', alice.id, 30, { hoursAgo: 24 * 20 }),
    oldAdmin: emu.addAdminKey({
      name: `old admin${suffix}`,
      createdAt: { daysAgo: 10 },
      lastUsedAt: { hoursAgo: 24 },
      expiresAt: null,
    }),
  };
  // A little use all week for the clean key (no spike), and a sudden burst from the idle spike key.
  for (let h = 2; h < 24 * 7; h += 6)
    emu.recordUsage(keys.clean.id, { hoursAgo: h }, { requests: 20, inputTokens: 2_000 });
  emu.recordUsage(keys.spike.id, { minutesAgo: 20 }, { requests: 900, inputTokens: 400_000, outputTokens: 50_000 });
  emu.removeUser(project.id, bob.id);
  return { adminKey, project, keys };
}
