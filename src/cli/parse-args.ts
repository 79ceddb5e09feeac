import { parseArgs } from 'node:util';
import { parseSize } from '../policy/duration.js';
import { oneLineError } from '../one-line-error.js';
import { CONFIG_PATH } from '../policy/config-path.js';
import { readVerifyUrl } from '../providers/read-verify-url.js';
import type { FailOn } from '../report/fails-on.js';
import type { Confidence } from '../types.js';
import { isAdminProvider, type AdminApiSetting } from '../audit/admin-clients.js';

export type Command = 'scan' | 'baseline' | 'detectors' | 'audit' | 'help' | 'version';
export type Mode = 'tree' | 'staged' | 'range' | 'history';
export type Format = 'text' | 'json' | 'sarif';

/** Everything the CLI was asked to do, parsed once: nothing past the parser reads argv. */
export interface CliSettings {
  command: Command;
  /** Folder to scan. */
  root: string;
  /** Working tree, staged changes, the added lines of a range, or every commit on every ref. */
  mode: Mode;
  /** `A..B` for mode range. */
  range?: string;
  format: Format;
  /** Write the report here instead of stdout. */
  output?: string;
  /** Fingerprints accepted earlier: only new findings count. */
  baseline?: string;
  /** Config file; default `<root>/.github/key-hygiene.yml` when it exists. */
  config?: string;
  /** Ignore any config file. */
  noConfig: boolean;
  /** Which findings fail the run (exit 1). */
  failOn: FailOn;
  /** `--min-confidence`: findings less sure are dropped before the fail decision and the report (wins over the config's). */
  minConfidence?: Confidence;
  /** Override of the config's max file size, in bytes. */
  maxFileSize?: number;
  /** Worker threads for tree scans (default: one per core). */
  workers?: number;
  color: boolean;
  /** `--verify`: ask each found key's own provider whether it still works. */
  verify: boolean;
  /** `--verify-url PROVIDER=URL`: per provider id, the base URL asked instead of its public API. */
  verifyUrls: Record<string, string>;
  /** `audit`: the provider, and where its admin API and the held key ids come from. */
  audit?: AuditArgs;
}

export interface AuditArgs {
  provider: AdminApiSetting['provider'];
  /** `--base-url`; else the provider's variable (OPENAI_BASE_URL, ANTHROPIC_BASE_URL), else its public API. */
  baseUrl?: string;
  /** `--held-keys`: a file of the provider key ids the environments hold. */
  heldKeys?: string;
}

/** A usage error: exit 2 with this one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const OPTIONS = {
  staged: { type: 'boolean' },
  range: { type: 'string' },
  history: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  baseline: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'fail-on': { type: 'string' },
  'min-confidence': { type: 'string' },
  'max-file-size': { type: 'string' },
  workers: { type: 'string' },
  'base-url': { type: 'string' },
  'held-keys': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verify: { type: 'boolean' },
  'verify-url': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS: readonly string[] = ['scan', 'baseline', 'detectors', 'audit', 'help', 'version'];

export function parseCliArgs(argv: string[], env: { isTTY: boolean; noColor: boolean }): CliSettings {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(oneLineError(error));
  }
  const { values: v, positionals } = parsed;
  const [first, ...rest] = positionals;
  const command = (v.help ? 'help' : v.version ? 'version' : (first ?? 'help')) as Command;
  if (!COMMANDS.includes(command))
    throw new UsageError(
      `unknown command '${command}' (expected scan, baseline, detectors or audit; see key-hygiene --help)`,
    );
  if (command === 'audit') return auditSettings(rest, v, env);
  const auditOnly = (['base-url', 'held-keys'] as const).find((flag) => v[flag] !== undefined);
  if (auditOnly) throw new UsageError(`--${auditOnly} is an option of key-hygiene audit, not of ${command}`);
  if (rest.length > 1) throw new UsageError(`expected one path, got ${rest.length}: ${rest.join(' ')}`);

  const modes = [v.staged && 'staged', v.range !== undefined && 'range', v.history && 'history'].filter(Boolean);
  if (modes.length > 1)
    throw new UsageError(`choose one of --staged, --range and --history, not ${modes.join(' and ')}`);
  if (v.range !== undefined && !/^[^-\s][^\s]*\.\.\.?[^\s]+$/.test(v.range)) {
    throw new UsageError(`--range '${v.range}' is not a range: expected A..B (e.g. origin/main..HEAD)`);
  }
  if (v['verify-url'] && !v.verify) throw new UsageError('--verify-url is used with --verify');
  if (v.verify && command !== 'scan') throw new UsageError(`--verify is for scan, not ${command}`);
  // A baseline accepts every finding, whatever the bar: raising or lowering it later brings none back.
  if (v['min-confidence'] !== undefined && command !== 'scan')
    throw new UsageError(`--min-confidence is for scan, not ${command}`);
  return {
    command,
    root: rest[0] ?? '.',
    mode: (modes[0] || 'tree') as Mode,
    ...(v.range !== undefined && { range: v.range }),
    format: oneOf('--format', v.format ?? 'text', ['text', 'json', 'sarif'] as const),
    ...(v.output !== undefined && { output: v.output }),
    ...(v.baseline !== undefined && { baseline: v.baseline }),
    ...(v.config !== undefined && { config: v.config }),
    noConfig: v['no-config'] ?? false,
    failOn: oneOf('--fail-on', v['fail-on'] ?? 'warning', ['error', 'warning', 'never'] as const),
    ...(v['min-confidence'] !== undefined && {
      minConfidence: oneOf('--min-confidence', v['min-confidence'], ['high', 'medium', 'low'] as const),
    }),
    ...(v['max-file-size'] !== undefined && { maxFileSize: sizeOf(v['max-file-size']) }),
    ...(v.workers !== undefined && { workers: countOf(v.workers) }),
    color: v['no-color'] ? false : (v.color ?? (env.isTTY && !env.noColor)),
    verify: v.verify ?? false,
    verifyUrls: verifyUrlsOf(v['verify-url'] ?? []),
  };
}

/** Options of `scan` that mean nothing to `audit`: refused rather than silently ignored. */
const SCAN_ONLY = [
  'staged',
  'range',
  'history',
  'baseline',
  'fail-on',
  'min-confidence',
  'max-file-size',
  'workers',
  'verify',
  'verify-url',
] as const;

function auditSettings(
  rest: string[],
  v: Partial<Record<keyof typeof OPTIONS, string | boolean | string[]>>,
  env: { isTTY: boolean; noColor: boolean },
): CliSettings {
  const scanOnly = SCAN_ONLY.find((flag) => v[flag] !== undefined);
  if (scanOnly) throw new UsageError(`--${scanOnly} is an option of key-hygiene scan, not of audit`);
  const [provider, ...extra] = rest;
  if (provider === undefined || extra.length > 0 || !isAdminProvider(provider))
    throw new UsageError(
      `expected one provider, openai or anthropic: key-hygiene audit openai${provider === undefined ? '' : ` (got ${rest.join(' ')})`}`,
    );
  const text = (flag: keyof typeof OPTIONS) => {
    const value = v[flag];
    return typeof value === 'string' ? value : undefined;
  };
  const baseUrl = text('base-url');
  const heldKeys = text('held-keys');
  const output = text('output');
  const config = text('config');
  return {
    command: 'audit',
    root: '.',
    mode: 'tree',
    format: formatOf(text('format')),
    ...(output !== undefined && { output }),
    ...(config !== undefined && { config }),
    noConfig: v['no-config'] === true,
    failOn: 'warning',
    color: colorOf(v, env),
    verify: false,
    verifyUrls: {},
    audit: { provider, ...(baseUrl !== undefined && { baseUrl }), ...(heldKeys !== undefined && { heldKeys }) },
  };
}

function formatOf(format: string | undefined): Format {
  return oneOf('--format', format ?? 'text', ['text', 'json', 'sarif'] as const);
}

function colorOf(
  v: { color?: string | boolean | string[]; 'no-color'?: string | boolean | string[] },
  env: { isTTY: boolean; noColor: boolean },
): boolean {
  return v['no-color'] ? false : v.color !== undefined ? v.color === true : env.isTTY && !env.noColor;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} '${value}' is not one of ${allowed.join(', ')}`);
}

function sizeOf(text: string): number {
  const n = parseSize(text);
  if (n === undefined || n === 0) throw new UsageError(`--max-file-size '${text}' is not a size (e.g. 10MB, 512KB)`);
  return n;
}

/** `--verify-url` values → per provider id, the base URL to ask (see readVerifyUrl). */
function verifyUrlsOf(values: readonly string[]): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const value of values) {
    const read = readVerifyUrl(value);
    if ('error' in read) throw new UsageError(`--verify-url '${value}' ${read.error}`);
    urls[read.provider] = read.url;
  }
  return urls;
}

function countOf(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--workers '${text}' is not a number from 1 to 64`);
  return n;
}

export const USAGE = `key-hygiene — find leaked API keys before anyone else does

Usage:
  key-hygiene scan [PATH]                  scan the working tree (honours .gitignore)
  key-hygiene scan [PATH] --staged         scan what is about to be committed
  key-hygiene scan [PATH] --range A..B     scan the lines added by a commit range
  key-hygiene scan [PATH] --history        scan every commit on every ref
  key-hygiene baseline [PATH] [--history]  print a baseline accepting today's findings
  key-hygiene detectors                    list the detectors
  key-hygiene audit openai|anthropic       audit the provider's own key inventory through its admin API
                                           (admin key in OPENAI_ADMIN_KEY / ANTHROPIC_ADMIN_KEY):
                                           overdue, unused, orphaned, usage-spike, no-expiry

Options:
  -f, --format text|json|sarif   report format (default: text)
  -o, --output FILE              write the report to FILE instead of stdout
      --baseline FILE            report only findings not in this baseline
  -c, --config FILE              config file (default: PATH/${CONFIG_PATH})
      --no-config                ignore any config file
      --fail-on error|warning|never
                                 which findings exit 1 (default: warning, i.e. any finding)
      --min-confidence high|medium|low
                                 report only findings at least this sure (default: low, i.e. all;
                                 overrides the config's scan.min-confidence): high = checksum
                                 verified, medium = the vendor's key format, low = a name says so
      --max-file-size SIZE       skip larger files (default: 10MB)
      --workers N                worker threads for tree scans (default: one per core)
      --no-color                 plain output
      --verify                   ask each key found whether it still works: the key is sent to its own
                                 provider's API (its identity endpoint) and nowhere else; off by default
      --verify-url PROVIDER=URL  ask URL instead of PROVIDER's public API (proxies, tests); repeatable
      --base-url URL             audit: the admin API's base URL (default: OPENAI_BASE_URL /
                                 ANTHROPIC_BASE_URL, else the provider's public API)
      --held-keys FILE           audit: provider key ids the environments hold (one per line, or
                                 JSON); the active keys not in it are listed as candidates to delete
  -h, --help, -v, --version

Exit codes: 0 nothing found, 1 findings, 2 usage, config or I/O error (audit: also an admin API
that refused, or usage that could not be read).`;
