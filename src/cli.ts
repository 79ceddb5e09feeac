import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { USAGE, UsageError, parseCliArgs, type CliSettings } from './cli/parse-args.js';
import { failsOn } from './report/fails-on.js';
import { createProgress } from './cli/progress.js';
import { reportFor } from './cli/report-for.js';
import { sourceFor } from './cli/source-for.js';
import { defaultConfig } from './policy/default-config.js';
import { createBaseline, dropBaselined, parseBaseline } from './scan/baseline.js';
import { keyFindings, readFingerprintKey } from './scan/fingerprint-key.js';
import { runScan } from './scan/run-scan.js';
import { applyMinConfidence } from './scan/apply-min-confidence.js';
import { showControls } from './report/show-controls.js';
import type { Config } from './policy/config-schema.js';
import { VERSION } from './version.js';
import { CONFIG_PATH } from './policy/config-path.js';

/** Streams the CLI writes to, as parameters so the entry test can capture them. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

const defaultIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/** The CLI: returns the exit code (0 clean, 1 findings, 2 usage/config/IO error). One catch: every failure ends as one line. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  try {
    const settings = parseCliArgs(argv, { isTTY: Boolean(io.stdout.isTTY), noColor: io.env.NO_COLOR !== undefined });
    return await run(settings, io);
  } catch (error) {
    // Messages quote input (a path, a config value, git's words): one line, control characters shown.
    const message = showControls(error instanceof Error ? error.message : String(error));
    if (error instanceof UsageError) io.stderr.write(`key-hygiene: ${message}\nRun 'key-hygiene --help' for usage.\n`);
    else if (isExpected(error)) io.stderr.write(`key-hygiene: ${message}\n`);
    else io.stderr.write(`key-hygiene: unexpected error: ${message}\n`);
    return 2;
  }
}

const EXPECTED = new Set(['ConfigError', 'BaselineError', 'FingerprintKeyError', 'GitError', 'UsageError']);
// The provider audit's: an admin API that refused (it names the variable and the status), a setup or a held-keys list that cannot be used.
for (const name of ['AdminApiError', 'AuditSetupError', 'HeldKeysError']) EXPECTED.add(name);

function isExpected(error: unknown): error is Error {
  return (error instanceof Error && EXPECTED.has(error.name)) || isIoError(error);
}

function isIoError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}

async function run(settings: CliSettings, io: CliIo): Promise<number> {
  if (settings.command === 'help') return print(io, `${USAGE}\n`);
  if (settings.command === 'version') return print(io, `${VERSION}\n`);
  const config = await loadConfig(settings);
  // Each command loads only what it runs: a pre-commit hook starts this process on every commit.
  if (settings.command === 'detectors') {
    const { renderDetectorList } = await import('./cli/render-detector-list.js');
    return print(io, renderDetectorList(config));
  }
  if (settings.command === 'audit' && settings.audit) {
    const { runAuditCommand } = await import('./cli/run-audit-command.js');
    return runAuditCommand({ ...settings, audit: settings.audit }, config, io);
  }
  if (!existsSync(settings.root)) throw new UsageError(`path '${settings.root}' does not exist`);
  const key = readFingerprintKey(io.env.KEY_HYGIENE_FINGERPRINT_KEY, 'KEY_HYGIENE_FINGERPRINT_KEY');

  const progress = createProgress(io.stderr, settings.mode);
  // --verify: the keys a provider can be asked about are kept, by keyed fingerprint, until they are asked.
  const vault = settings.verify ? (await import('./scan/secret-vault.js')).createSecretVault(key) : undefined;
  let result = await runScan({
    source: await sourceFor(settings),
    config,
    ...(settings.maxFileSize && { maxFileSize: settings.maxFileSize }),
    ...(settings.workers && { workers: settings.workers }),
    onProgress: progress.update,
    ...(vault && { onSecret: vault.onSecret }),
  });
  progress.done();
  result.findings = keyFindings(result.findings, key);

  if (settings.command === 'baseline') {
    if (!key && result.findings.length) io.stderr.write(`key-hygiene: note: ${UNKEYED_BASELINE}\n`);
    return print(io, `${JSON.stringify(createBaseline(result.findings, key), null, 2)}\n`);
  }
  if (settings.baseline) {
    const accepted = parseBaseline(readFileSync(settings.baseline, 'utf8'), settings.baseline, key);
    result.findings = dropBaselined(result.findings, accepted);
  }
  // Before --verify: a key below the bar is not sent to its provider either.
  result = applyMinConfidence(result, settings.minConfidence ?? config.scan['min-confidence'] ?? 'low');
  if (vault) {
    const { verifyFindings } = await import('./scan/verify-findings.js');
    result.findings = await verifyFindings(result.findings, { secrets: vault, fetch, urls: settings.verifyUrls });
  }
  const report = await reportFor(result, settings, config);
  if (settings.output) writeFileSync(settings.output, report);
  else io.stdout.write(report);
  return failsOn(result.findings, settings.failOn) ? 1 : 0;
}

async function loadConfig(settings: CliSettings): Promise<Config> {
  if (settings.noConfig) return defaultConfig;
  const path = settings.config ?? join(settings.root, CONFIG_PATH);
  if (!settings.config && !existsSync(path)) return defaultConfig;
  // Loaded only when there is a file to check: the schema library is most of the start-up time.
  const { parseConfig } = await import('./policy/parse-config.js');
  return parseConfig(readFileSync(path, 'utf8'), path);
}

/** Said whenever an unkeyed baseline is made: it is about to be committed. */
const UNKEYED_BASELINE =
  'these fingerprints are unkeyed: they hide high-entropy keys, but a password can be found from them with a word list. ' +
  'Set KEY_HYGIENE_FINGERPRINT_KEY to a random secret (`openssl rand -hex 32`) before committing a baseline that holds one';

function print(io: CliIo, text: string): number {
  io.stdout.write(text);
  return 0;
}
