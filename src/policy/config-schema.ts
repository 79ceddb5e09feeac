import { z } from 'zod';
import { detectors as builtInDetectors } from '../detectors/registry.js';
import { ConfigRegexError, namedGroupsOf } from './config-regex.js';
import { parseDuration, parseSize } from './duration.js';
import { pathGlobError } from './path-glob.js';

// One schema for `.github/key-hygiene.yml`, read by the CLI, the Action and the App alike.
// Objects are strict: an unknown key is an error that names the field, never silently ignored.

const duration = z.string().refine((s) => parseDuration(s) !== undefined, {
  message: 'expected a duration such as 90d, 2w or 12h',
});

const size = z.union([
  z.number().int().positive(),
  z.string().refine((s) => parseSize(s) !== undefined, {
    message: 'expected a size such as 10MB, 512KB or a number of bytes',
  }),
]);

/**
 * The most entries any list in the config may hold. Each regex and glob is compiled and each detector
 * runs on every file: a config of two million allow regexes took 24 s and 2.5 GB before a scan began.
 */
const MAX_LIST = 500;

const severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);
/** How sure a finding is (src/types.ts `Confidence`), highest first. */
const confidence = z.enum(['high', 'medium', 'low']);

/**
 * A regex from the repository, run by RE2 (config-regex.ts): linear time on any text. What RE2 cannot
 * compile (look-around, back-references, a program too large) is refused here, naming the field.
 */
const regex = z.string().superRefine((s, ctx) => {
  const problem = regexProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A detector's pattern: a regex with a named `secret` group. */
const detectorPattern = z.string().superRefine((s, ctx) => {
  const groups = namedGroupsIn(s);
  if (typeof groups === 'string') ctx.addIssue({ code: 'custom', message: groups });
  else if (!groups.includes('secret')) ctx.addIssue({ code: 'custom', message: 'expected a named group (?<secret>…)' });
});

function regexProblem(source: string): string | undefined {
  const groups = namedGroupsIn(source);
  return typeof groups === 'string' ? groups : undefined;
}

/** The pattern's named groups, or why RE2 refuses it. */
function namedGroupsIn(source: string): string[] | string {
  try {
    return namedGroupsOf(source);
  } catch (error) {
    if (error instanceof ConfigRegexError) return error.message;
    throw error;
  }
}

const customDetector = z.strictObject({
  /** `provider-kind`, e.g. `acme-internal-token`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'expected lower-case letters, digits and dashes'),
  'key-kind': z.string().min(1),
  /** Regex (RE2 syntax) with a named `secret` group. */
  pattern: detectorPattern,
  /**
   * Literals the prefilter looks for. Capped: the prefilter's regex retries a keyword at each place
   * it could start, so a 5,000-character keyword costs ~1.3 s per MB of text that almost holds it.
   */
  keywords: z.array(z.string().min(2).max(100)).max(MAX_LIST).default([]),
  severity: severity.default('high'),
  remediation: z
    .string()
    .default('Revoke the key with its issuer, rotate every secret that held it, and remove it from the code.'),
  'min-entropy': z.number().min(0).max(8).optional(),
  /** How sure its findings are; unset: `medium`, as for a vendor's documented format. */
  confidence: confidence.optional(),
});

const scanSection = z
  .strictObject({
    allow: z
      .strictObject({
        /** Glob patterns of paths never scanned (e.g. test fixtures that must look real). */
        paths: z
          .array(
            z
              .string()
              .min(1)
              .superRefine((glob, ctx) => {
                const why = pathGlobError(glob);
                if (why) ctx.addIssue({ code: 'custom', message: `expected a glob: ${why}` });
              }),
          )
          .max(MAX_LIST)
          .default([]),
        /** A secret or line matching one of these is not reported. */
        regexes: z.array(regex).max(MAX_LIST).default([]),
      })
      .default({ paths: [], regexes: [] }),
    /** Detector ids to turn off. */
    disable: z.array(z.string()).max(MAX_LIST).default([]),
    /** Per-detector severity, e.g. `{ stripe-test-key: medium }`. */
    severity: z.record(z.string(), severity).default({}),
    detectors: z.array(customDetector).max(MAX_LIST).default([]),
    'max-file-size': size.default('100MB'),
    /** Findings less sure than this are not reported (`--min-confidence` overrides it); unset: `low`, all. */
    'min-confidence': confidence.optional(),
  })
  .superRefine(checkDetectorIds);

const BUILT_IN_IDS = new Set(builtInDetectors.map((d) => d.id));

/**
 * A custom detector cannot take a built-in's id (or another custom one's): its findings, baseline
 * fingerprints and `disable:` would mix with the other's. An id in `disable:` or `severity:` that names
 * no detector is a typo that would leave a detector on or a severity unchanged without a word.
 */
function checkDetectorIds(
  scan: { disable: string[]; severity: Record<string, unknown>; detectors: { id: string }[] },
  ctx: z.RefinementCtx,
): void {
  const custom = new Map<string, number>();
  scan.detectors.forEach(({ id }, i) => {
    const path = ['detectors', i, 'id'];
    if (BUILT_IN_IDS.has(id))
      ctx.addIssue({ code: 'custom', path, message: 'a built-in detector has this id: choose another' });
    else if (custom.has(id))
      ctx.addIssue({ code: 'custom', path, message: `scan.detectors.${custom.get(id)} already has this id` });
    else custom.set(id, i);
  });
  const known = (id: string) => BUILT_IN_IDS.has(id) || custom.has(id);
  const expected =
    'expected the id of a built-in detector (`key-hygiene detectors` lists them) or of one in scan.detectors';
  scan.disable.forEach((id, i) => {
    if (!known(id))
      ctx.addIssue({ code: 'custom', path: ['disable', i], message: `no detector has this id: ${expected}` });
  });
  for (const id of Object.keys(scan.severity)) {
    if (!known(id))
      ctx.addIssue({
        code: 'custom',
        path: ['severity', id],
        message: `no detector has the id ${JSON.stringify(id)}: ${expected}`,
      });
  }
}

const keyPolicy = z.strictObject({
  /** Name of the Actions secret, e.g. OPENAI_API_KEY. */
  secret: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a secret name (letters, digits, underscores)'),
  provider: z.string().min(1).optional(),
  /** Environments that must each hold their own value of this secret. */
  environments: z.array(z.string().min(1)).max(MAX_LIST).default([]),
  'rotate-every': duration.optional(),
  'remind-before': duration.optional(),
  owners: z.array(z.string().min(1)).max(MAX_LIST).default([]),
});

/**
 * How the provider audit (`key-hygiene audit`, the Action's `mode: audit`) judges one provider's keys,
 * read from its admin API. Every field is optional: src/audit/audit-policy.ts fills in the defaults
 * (`rotate-every` from the top level, `unused-after` 30d, the spike settings there, with the reasons).
 */
const providerAudit = z.strictObject({
  /** A key whose own `created_at` at the provider is older than this is overdue. */
  'rotate-every': duration.optional(),
  /** A key never used and older than this, or last used longer ago, is unused. */
  'unused-after': duration.optional(),
  spike: z
    .strictObject({
      /** The last hour (day) must exceed the key's trailing-week hourly (daily) mean by this factor. */
      factor: z.number().min(1).max(1_000_000).optional(),
      /** ...and hold at least this many requests in the hour (24× in the day)... */
      'min-requests': z.number().int().min(1).optional(),
      /** ...or this many tokens in the hour (24× in the day). */
      'min-tokens': z.number().int().min(1).optional(),
    })
    .optional(),
});

export const configSchema = z.strictObject({
  /** Probot's config inheritance, e.g. `.github` or `acme/.github:key-hygiene.yml`. */
  _extends: z.string().optional(),
  scan: scanSection.default(scanSection.parse({})),
  keys: z.array(keyPolicy).max(MAX_LIST).default([]),
  /** Defaults for keys the policy does not list, and for listed keys that omit a field. */
  'rotate-every': duration.default('90d'),
  'remind-before': duration.default('14d'),
  /** Secret names tracked when `keys` does not list them. */
  'track-names': z
    .array(regex)
    .max(MAX_LIST)
    .default(['_(API_)?KEY$', '_TOKEN$', '_SECRET$', '^(API|ACCESS|SECRET)_?KEY']),
  reminders: z
    .strictObject({ 'due-soon': duration.default('7d'), overdue: duration.default('3d') })
    .default({ 'due-soon': '7d', overdue: '3d' }),
  'escalate-after': duration.default('14d'),
  'escalate-to': z.array(z.string()).max(MAX_LIST).default([]),
  'max-snooze': duration.default('30d'),
  approvers: z.array(z.string()).max(MAX_LIST).default([]),
  dashboard: z.boolean().default(true),
  onboarding: z.enum(['off', 'pull-request']).default('off'),
  'dry-run': z.boolean().default(false),
  /** Environments whose names match are production-like: they should have reviewers or branch rules. */
  'production-environments': regex.default('^prod'),
  /**
   * The repository, in the organisation, where the App tracks organisation secrets (judged once per
   * organisation per sweep, never as a repository's problem). Read from the org's `.github` policy.
   */
  'org-secrets-repo': z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'expected a repository name in the organisation, e.g. .github')
    .default('.github'),
  /** The provider audit's policy per provider with an admin API. */
  providers: z.strictObject({ openai: providerAudit.optional(), anthropic: providerAudit.optional() }).optional(),
});

export type Config = z.infer<typeof configSchema>;
export type KeyPolicy = z.infer<typeof keyPolicy>;
export type CustomDetector = z.infer<typeof customDetector>;
export type ProviderAuditPolicy = z.infer<typeof providerAudit>;
