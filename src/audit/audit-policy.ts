import type { Config, ProviderAuditPolicy } from '../policy/config-schema.js';
import { parseDuration } from '../policy/duration.js';
import { showConfigText } from '../policy/show-config-input.js';
import type { AdminProviderId, AuditPolicy } from './provider-admin.js';

/** A key nobody has used for a month is one nobody needs: deleting it costs nothing and removes a way in. */
const UNUSED_AFTER = '30d';

/**
 * The spike defaults. Working hours against nights and weekends put a busy hour at a few times a
 * key's week-long hourly mean, so 10× stays clear of an ordinary day while a leaked key, which is
 * used as hard as its finder can, passes it at once. The floors keep a key that is barely used from
 * "spiking" on a handful of calls: tens of requests an hour is a person trying something out, 100
 * requests or 100,000 tokens in an hour is a program at work.
 */
const SPIKE = { factor: 10, minRequests: 100, minTokens: 100_000 };

/**
 * The audit policy for one provider: its `providers.<id>` section of the config, each field it
 * omits from the defaults (`rotate-every` from the config's top level).
 */
export function auditPolicyFor(config: Config, provider: AdminProviderId): AuditPolicy {
  const section: ProviderAuditPolicy | undefined = config.providers?.[provider];
  return {
    rotateEvery: seconds(section?.['rotate-every'] ?? config['rotate-every']),
    unusedAfter: seconds(section?.['unused-after'] ?? UNUSED_AFTER),
    spike: {
      factor: section?.spike?.factor ?? SPIKE.factor,
      minRequests: section?.spike?.['min-requests'] ?? SPIKE.minRequests,
      minTokens: section?.spike?.['min-tokens'] ?? SPIKE.minTokens,
    },
  };
}

function seconds(text: string): number {
  const ms = parseDuration(text);
  // The schema refuses anything parseDuration cannot read, so this only fires on a hand-built config.
  if (ms === undefined) throw new Error(`'${showConfigText(text)}' is not a duration such as 90d, 2w or 12h`);
  return ms / 1000;
}
