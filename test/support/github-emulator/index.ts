/**
 * A local, stateful emulator of the part of GitHub's REST API Key Hygiene uses. See
 * the README beside this file.
 */
export { createClock, isoSeconds, type EmulatorClock } from './clock.js';
export { buildGitRepo, runGit } from './git.js';
export { generateAppKeyPair, signAppJwt, verifyAppJwt } from './jwt.js';
export type { FaultRule } from './faults.js';
export type { Counters, LogEntry, Tally } from './request-log.js';
export type { RateLimitOptions } from './rate-limit.js';
export type { Route } from './router.js';
export {
  DEFAULT_LIMITS,
  emulatorAt,
  startGitHubEmulator,
  type EmulatorOptions,
  type EmulatorWebhooks,
  type GitHubEmulator,
} from './server.js';
export type { DeliveryRecord, HeldDeliveries, WebhookSubscription } from './webhook-dispatcher.js';
export type { UserActions } from './user-actions.js';
export type { Seeder } from './seed.js';
export type * from './types.js';
export {
  deepMerge,
  examplePayload,
  sendWebhook,
  signWebhookBody,
  type WebhookDelivery,
  type WebhookResult,
} from './webhooks.js';
