import type { Context, Probot } from 'probot';
import type { Detector } from '../../src/detectors/detector.js';
import type { Config } from '../../src/policy/config-schema.js';
import { escapeMarkdown } from '../../src/report/escape-markdown.js';
import { buildDetectors } from '../../src/scan/build-detectors.js';
import { runScan } from '../../src/scan/run-scan.js';
import { applyMinConfidence } from '../../src/scan/apply-min-confidence.js';
import { createSecretVault } from '../../src/scan/secret-vault.js';
import { verifyFindings } from '../../src/scan/verify-findings.js';
import { compareSource } from '../../src/sources/compare-source.js';
import type { AppDeps } from '../deps.js';
import { splitRepository, type AppOctokit } from '../octokit/octokit.js';
import { handlerContext } from '../repo/handler-context.js';
import type { Finding } from '../../src/types.js';
import { githubCompareApi, MAX_PUSH_REQUESTS } from './github-compare-api.js';
import { openIncidents } from './open-incidents.js';
import { lookUpLeakedKeys } from './look-up-leaked-keys.js';
import { providerAdmins } from './provider-admins.js';
import { CHECK_NAME, renderPushCheck, type PushCheck } from './push-check-output.js';
import { pushRange } from './push-range.js';
import { findPushCheck, finishPushCheck, startPushCheck, type CheckTarget } from './write-push-check.js';
import { oneLineError } from '../../src/one-line-error.js';

/**
 * A push: the lines it added, through the engine, into a "Key hygiene" check run on its head commit
 * (README, "What it does", leak incidents) — an org is covered without touching its workflows — then one
 * incident issue per leaked key. One run per head commit: a redelivery finds the finished run and
 * leaves it as it is; when that run found keys, the push is scanned again for the incidents alone,
 * so incidents that failed to open the first time open now (keys that have one are skipped).
 * Dry-run (`KEY_HYGIENE_DRY_RUN` or the policy's `dry-run`) scans and logs the run and the incidents
 * it would write. Logs carry counts, never a key.
 */
export async function handlePush(context: Context<'push'>, app: Probot, deps: AppDeps): Promise<void> {
  const { payload } = context;
  const range = pushRange(payload);
  if (range.kind === 'skip') return;
  const { owner, repo } = splitRepository(payload.repository.full_name);
  const target: CheckTarget = { owner, repo, headSha: range.head };
  const handler = handlerContext(context, app, deps);
  const { octokit, log } = handler;
  const botLogin = await handler.botLogin();
  const branch = payload.ref.replace(/^refs\/heads\//, '');
  const at = `push ${owner}/${repo}@${range.head.slice(0, 12)}`;
  // The config that decides a push is the one from before it: a push adding `allow.paths: ['**']`
  // next to a key must not wave its own key through (the base is `before`, or the default branch for
  // a new branch). A push with nothing to compare is not scanned, so its policy only says dry-run.
  const { policy, dryRun } = await handler.policy(owner, repo, range.kind === 'compare' ? { ref: range.base } : {});
  // Only the incident writes take the repository's lock (a sweep closing incidents at the same time
  // must not make a twin); the scan and the check run never wait for a sweep.
  // With an admin key for a provider, each new incident's key is looked up there (README, "Leak
  // incidents"): the scan hands over the raw keys it reports, kept in memory for this delivery only.
  const admins = providerAdmins(deps.settings.adminApis);
  const values = new Set<string>();
  const open = async (
    findings: readonly Finding[],
    detectors: readonly Detector[],
    seenAt = deps.now(),
  ): Promise<number> =>
    findings.length === 0
      ? 0
      : deps.lock(`${owner}/${repo}`, () =>
          openIncidents(octokit, { owner, repo, branch, head: range.head }, findings, detectors, {
            botLogin,
            dryRun,
            now: seenAt,
            log,
            fingerprintKey: deps.fingerprintKey,
            ...(admins.providers.size > 0 && { lookUp: (fresh) => lookUpLeakedKeys(fresh, values, admins) }),
          }),
        );
  // With KEY_HYGIENE_VERIFY_KEYS, each leaked key is also asked of its own provider (README, "Is a
  // leaked key still live?"): the vault keeps the raw keys of this delivery only, by fingerprint.
  const vault = deps.settings.verifyKeys ? createSecretVault() : undefined;
  const onSecret =
    admins.providers.size > 0 || vault
      ? (value: string, detector: string) => {
          if (admins.providers.size > 0) values.add(value);
          vault?.onSecret(value, detector);
        }
      : undefined;
  const verify =
    vault && deps.settings.verifyKeys
      ? (findings: Finding[]) =>
          verifyFindings(findings, { secrets: vault, fetch: globalThis.fetch, urls: deps.settings.verifyKeys!.urls })
      : undefined;
  const scan = (): Promise<ScannedPush> =>
    range.kind === 'neutral'
      ? Promise.resolve(unscanned(range.reason))
      : scanPush(octokit, policy, { owner, repo, base: range.base, head: range.head, onSecret, verify });
  if (dryRun) {
    const { check, findings, detectors } = await scan();
    log(
      `dry-run: would complete the "${CHECK_NAME}" check run on ${at} as ${check.conclusion} with ${check.annotations.length} annotations`,
    );
    await open(findings, detectors);
    return;
  }
  await checkPush({ octokit, target, botLogin, at, compare: range.kind === 'compare', deps, log, scan, open });
}

/** What {@link checkPush} works with: the push's scan and incident writer, ready to call. */
interface PushCheckWork {
  octokit: AppOctokit;
  target: CheckTarget;
  botLogin: string;
  /** `push owner/repo@sha` for logs. */
  at: string;
  /** The push has a range to compare (not a first push). */
  compare: boolean;
  deps: AppDeps;
  log: (message: string) => void;
  scan: () => Promise<ScannedPush>;
  open: (findings: readonly Finding[], detectors: readonly Detector[], seenAt?: Date) => Promise<number>;
}

/**
 * The check run, then the incidents. One delivery per head commit at a time — a redelivery, or the
 * same head pushed to a second branch — so the later one finds the earlier one's run.
 */
async function checkPush(w: PushCheckWork): Promise<void> {
  const { octokit, target, deps, at, log } = w;
  await deps.lock(`${target.owner}/${target.repo}@${target.headSha}`, async () => {
    const existing = await findPushCheck(octokit, target, w.botLogin);
    if (existing?.completed) {
      // Only a run that failed on a key can owe incidents; a scan error now fails the delivery, to be redelivered.
      if (existing.conclusion !== 'failure' || !w.compare) return;
      const { findings, detectors } = await w.scan();
      // The leak was seen when the run started: secrets rotated since then count as rotated.
      const seenAt = existing.startedAt ? new Date(existing.startedAt) : deps.now();
      log(`${at}: check run already completed, ${await w.open(findings, detectors, seenAt)} incidents opened`);
      return;
    }
    const id = await startPushCheck(octokit, target, existing?.id, deps.now());
    // A run left "in progress" would block the commit forever: any failure finishes it as neutral.
    const { check, findings, detectors } = await w
      .scan()
      .catch((error: unknown) =>
        unscanned(`Key Hygiene could not scan this push: ${escapeMarkdown(oneLineError(error))}`),
      );
    await finishPushCheck(octokit, target, id, check, deps.now());
    const opened = await w.open(findings, detectors);
    log(`${at}: ${check.conclusion}, ${check.annotations.length} annotations, ${opened} incidents opened`);
  });
}

/** The check run and what it was made from (findings carry only the redacted key). */
interface ScannedPush {
  check: PushCheck;
  findings: Finding[];
  detectors: Detector[];
}

async function scanPush(
  octokit: AppOctokit,
  policy: Config,
  at: {
    owner: string;
    repo: string;
    base: string;
    head: string;
    onSecret: ((value: string, detector: string) => void) | undefined;
    verify: ((findings: Finding[]) => Promise<Finding[]>) | undefined;
  },
): Promise<ScannedPush> {
  const { owner, repo, base, head, onSecret, verify } = at;
  const source = compareSource(githubCompareApi(octokit, owner, repo), base, head, MAX_PUSH_REQUESTS);
  const detectors = buildDetectors(policy);
  const scanned = applyMinConfidence(
    await runScan({ source, config: policy, ...(onSecret && { onSecret }) }),
    policy.scan['min-confidence'] ?? 'low',
  );
  const findings = verify ? await verify(scanned.findings) : scanned.findings;
  const check = renderPushCheck(findings, detectors, source.coverage(), scanned.stats.belowConfidence);
  return { check, findings, detectors };
}

const unscanned = (reason: string): ScannedPush => ({
  check: { conclusion: 'neutral', title: 'Not scanned', summary: reason, annotations: [] },
  findings: [],
  detectors: [],
});
