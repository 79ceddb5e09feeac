import type { AuditPolicy, KeyUsage, ProviderKey } from './provider-admin.js';

/** What every judge of a key is given: the policy, the time, and the usage when it could be read. */
export interface JudgeContext {
  policy: AuditPolicy;
  now: Date;
  /** Hourly use per key over the trailing week and a day; absent when the provider refused it. */
  usage?: KeyUsage;
}

/** One kind of problem: the `detail` sentence when the key has it, else undefined. */
export type Judge = (key: ProviderKey, context: JudgeContext) => string | undefined;

/** Milliseconds from an ISO 8601 time to now (negative for a time in the future). */
export function ageOf(iso: string, now: Date): number {
  return now.getTime() - Date.parse(iso);
}
