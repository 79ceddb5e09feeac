import { z } from 'zod';
import { parseDuration, parseSize } from './duration.js';
import { pathGlobError } from './path-glob.js';

// One schema for `.github/key-hygiene.yml`, read by the CLI, the Action and the App alike.
// Objects are strict: an unknown key is an error that names the field, never silently ignored.

const duration = z.string().refine((s) => parseDuration(s) !== undefined, {
  message: 'expected a duration such as 90d, 2w or 12h',
});

const size = z.union([z.number().int().positive(), z.string().refine((s) => parseSize(s) !== undefined, {
  message: 'expected a size such as 10MB, 512KB or a number of bytes',
})]);

const severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);

const regex = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, { message: 'expected a valid regular expression' });

const customDetector = z.strictObject({
  /** `provider-kind`, e.g. `acme-internal-token`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'expected lower-case letters, digits and dashes'),
  'key-kind': z.string().min(1),
  /** Regex with a named `secret` group. */
  pattern: regex.refine((s) => s.includes('(?<secret>'), { message: 'expected a named group (?<secret>…)' }),
  keywords: z.array(z.string().min(2)).default([]),
  severity: severity.default('high'),
  remediation: z.string().default('Revoke the key with its issuer, rotate every secret that held it, and remove it from the code.'),
  'min-entropy': z.number().min(0).max(8).optional(),
});

const scanSection = z.strictObject({
  allow: z.strictObject({
    /** Glob patterns of paths never scanned (e.g. test fixtures that must look real). */
    paths: z.array(z.string().min(1).superRefine((glob, ctx) => {
      const why = pathGlobError(glob);
      if (why) ctx.addIssue({ code: 'custom', message: `expected a glob: ${why}` });
    })).default([]),
    /** A secret or line matching one of these is not reported. */
    regexes: z.array(regex).default([]),
  }).default({ paths: [], regexes: [] }),
  /** Detector ids to turn off. */
  disable: z.array(z.string()).default([]),
  /** Per-detector severity, e.g. `{ stripe-test-key: medium }`. */
  severity: z.record(z.string(), severity).default({}),
  detectors: z.array(customDetector).default([]),
  'max-file-size': size.default('100MB'),
});

const keyPolicy = z.strictObject({
  /** Name of the Actions secret, e.g. OPENAI_API_KEY. */
  secret: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a secret name (letters, digits, underscores)'),
  provider: z.string().min(1).optional(),
  /** Environments that must each hold their own value of this secret. */
  environments: z.array(z.string().min(1)).default([]),
  'rotate-every': duration.optional(),
  'remind-before': duration.optional(),
  owners: z.array(z.string().min(1)).default([]),
});

export const configSchema = z.strictObject({
  /** Probot's config inheritance, e.g. `.github` or `acme/.github:key-hygiene.yml`. */
  _extends: z.string().optional(),
  scan: scanSection.default(scanSection.parse({})),
  keys: z.array(keyPolicy).default([]),
  /** Defaults for keys the policy does not list, and for listed keys that omit a field. */
  'rotate-every': duration.default('90d'),
  'remind-before': duration.default('14d'),
  /** Secret names tracked when `keys` does not list them. */
  'track-names': z.array(regex).default(['_(API_)?KEY$', '_TOKEN$', '_SECRET$', '^(API|ACCESS|SECRET)_?KEY']),
  reminders: z.strictObject({ 'due-soon': duration.default('7d'), overdue: duration.default('3d') }).default({ 'due-soon': '7d', overdue: '3d' }),
  'escalate-after': duration.default('14d'),
  'escalate-to': z.array(z.string()).default([]),
  'max-snooze': duration.default('30d'),
  approvers: z.array(z.string()).default([]),
  dashboard: z.boolean().default(true),
  onboarding: z.enum(['off', 'pull-request']).default('off'),
  'dry-run': z.boolean().default(false),
  /** Environments whose names match are production-like: they should have reviewers or branch rules. */
  'production-environments': regex.default('^prod'),
  /**
   * The repository, in the organisation, where the App tracks organisation secrets (judged once per
   * organisation per sweep, never as a repository's problem). Read from the org's `.github` policy.
   */
  'org-secrets-repo': z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'expected a repository name in the organisation, e.g. .github').default('.github'),
});

export type Config = z.infer<typeof configSchema>;
export type KeyPolicy = z.infer<typeof keyPolicy>;
export type CustomDetector = z.infer<typeof customDetector>;
