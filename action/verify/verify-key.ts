import type { FingerprintKey } from '../../src/scan/fingerprint-key.js';
import type { Check } from './report-checks.js';
import type { LiveStatus } from '../../src/providers/check-key-online.js';
import { findProvider } from '../../src/providers/canonical-provider.js';
import { checkKeyOnline, hasLiveCheck } from './check-key-online.js';
import { checkKeyShape, detectorsOf } from './check-key-shape.js';
import { fingerprintKey } from './fingerprint-key.js';

export interface VerifyRequest {
  /** Name of the environment variable that held the key (for messages; the value is never shown). */
  name: string;
  value: string;
  provider: string;
  online: boolean;
  providerUrl: string;
  repositoryId: string;
  /** `fingerprint-key`: keys the fingerprint with a secret the workflow holds. */
  fingerprintKey?: FingerprintKey;
}

export interface Verdict {
  /** `valid`, `invalid`, `rate-limited`, `unknown`, or `offline` when not checked online. */
  status: LiveStatus | 'offline';
  fingerprint: string;
  /** The key kind the value has, e.g. "OpenAI project key", when it has the provider's shape. */
  keyKind?: string;
  /** What the provider answered, when asked. */
  live?: string;
  checks: Check[];
}

/** Checks a key's shape, kind and (with `online`) liveness; the value appears in no message. */
export async function verifyKey(request: VerifyRequest, fetchImpl: typeof fetch = fetch): Promise<Verdict> {
  const { name, provider } = request;
  const value = request.value.trim();
  const checks: Check[] = [];
  // Trimmed: a value pasted with a trailing newline is the same key and must compare equal.
  const fingerprint = fingerprintKey(value, request.repositoryId, request.fingerprintKey);
  if (value !== request.value) {
    checks.push({
      level: 'warning',
      title: `${name} has surrounding whitespace`,
      message: `The value of ${name} starts or ends with whitespace: clients may send it as is and be refused. Save the secret again without it.`,
    });
  }
  const shape = checkKeyShape(value, provider);
  if (!shape.detector) {
    const kinds = detectorsOf(provider)
      .map((d) => d.keyKind)
      .join(', ');
    const looks = shape.lookalike ? ` It looks like a ${shape.lookalike.keyKind}.` : '';
    checks.push({
      level: 'error',
      title: `${name}: not a key of provider ${provider}`,
      message: `The value of ${name} (${value.length} characters) does not have the shape of a ${provider} key (${kinds}).${looks} Check which secret the job passes.`,
    });
    // Never send a value that is not this provider's key to this provider.
    return { status: 'invalid', fingerprint, checks };
  }
  const discouraged = findProvider(provider)?.discouraged?.[shape.detector.id];
  if (discouraged)
    checks.push({
      level: 'warning',
      title: `${name}: ${shape.detector.keyKind}`,
      message: `${name} holds ${discouraged}.`,
    });
  if (!request.online) return { status: 'offline', fingerprint, keyKind: shape.detector.keyKind, checks };
  if (!hasLiveCheck(provider, shape.detector.id, value)) {
    checks.push({
      level: 'warning',
      title: `No online check for ${provider}`,
      message: `online: true, but there is no online check for a ${shape.detector.keyKind} of provider ${provider} yet: only the shape was checked.`,
    });
    return { status: 'unknown', fingerprint, keyKind: shape.detector.keyKind, checks };
  }
  const live = await checkKeyOnline(value, provider, request.providerUrl, fetchImpl);
  const liveCheck = {
    valid: undefined,
    invalid: {
      level: 'error',
      title: `${name} was refused by ${provider}`,
      message: `${provider} refused ${name} (${live.detail}): the key is revoked or invalid. Make a new key and update the environment secret.`,
    },
    'rate-limited': {
      level: 'warning',
      title: `${name} is rate-limited`,
      message: `${provider} answered ${live.detail}: the key is valid but out of quota or rate-limited. Check the project's limits and billing.`,
    },
    unknown: {
      level: 'warning',
      title: `${name} could not be checked online`,
      message: `Could not tell whether ${name} is live (${live.detail}).`,
    },
  }[live.status] as Check | undefined;
  if (liveCheck) checks.push(liveCheck);
  return { status: live.status, fingerprint, keyKind: shape.detector.keyKind, live: live.detail, checks };
}
