import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import type { Config } from '../../src/policy/config-schema.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import { parseBaseline } from '../../src/scan/baseline.js';
import { InputError, type ActionSettings } from '../settings.js';
import type { PolicySource } from './resolve-policy-source.js';
import type { ScanGit } from './scan-git.js';

/** The rules a scan runs by: the config, and the fingerprints a baseline accepts (when one was asked for). */
export interface ScanPolicy {
  config: Config;
  baseline?: Set<string>;
}

interface ReadFile {
  text: string | undefined;
  source: string;
  /** Read from a commit (or no commit at all), not the workspace: a missing baseline is then not an input error. */
  fromCommit?: true;
}

/**
 * Reads the config and the baseline from the workspace, or, given a commit from before what is
 * scanned (a pull request's base, a push's `before`, the default branch's tip; see
 * resolvePolicySource), from that commit: the workspace holds the scanned commits' own files, and a
 * pull request or push that adds `scan.allow.paths: ['**']` or a baseline entry for its key must
 * still fail. A change to either file is noted and applies once it has landed. Files outside the
 * workspace are not the scanned commits' and are read from disk.
 */
export async function loadScanPolicy(
  settings: ActionSettings,
  from: PolicySource,
  git: ScanGit,
  onNote: (note: string) => void,
): Promise<ScanPolicy> {
  const read = async (path: string): Promise<ReadFile> => {
    const inRepo = repoPath(settings.context.workspace, path);
    const local = existsSync(path) ? await readFile(path, 'utf8') : undefined;
    if (from.kind === 'workspace' || inRepo === undefined) return { text: local, source: path };
    if (from.kind === 'none') {
      if (local !== undefined)
        onNote(`${inRepo} is not used: ${from.why}, so the defaults apply (a change to it applies from the next push)`);
      return { text: undefined, source: inRepo, fromCommit: true };
    }
    const text = await git.showFile(from.sha, inRepo);
    if (local !== text) onNote(changeNote(from, inRepo, text !== undefined));
    return { text, source: `${inRepo} at ${sourceName(from)}`, fromCommit: true };
  };

  const config = await read(settings.configPath);
  const policy: ScanPolicy = {
    config: config.text === undefined ? defaultConfig : parseConfig(config.text, config.source),
  };
  if (settings.baselinePath) {
    const baseline = await read(settings.baselinePath);
    if (baseline.text !== undefined)
      policy.baseline = parseBaseline(baseline.text, baseline.source, settings.fingerprintKey);
    else if (!baseline.fromCommit)
      throw new InputError(
        `input 'baseline' is '${settings.baselinePath}': no such file (create it with \`npx key-hygiene baseline\`)`,
      );
    else onNote(`no ${baseline.source}: every key found is reported`);
  }
  return policy;
}

type FromCommit = Extract<PolicySource, { kind: 'commit' }>;

/** "base 1a2b3c4", "1a2b3c4 (before the push)", "main 1a2b3c4". */
function sourceName(from: FromCommit): string {
  const short = from.sha.slice(0, 7);
  if (from.branch) return `${from.branch} ${short}`;
  return from.words === 'base' ? `base ${short}` : `${short} (before the push)`;
}

/** What the log and the job summary say when the scanned commits' file differs from the one that decides. */
function changeNote(from: FromCommit, path: string, inSource: boolean): string {
  const short = from.sha.slice(0, 7);
  if (from.words === 'base') {
    const uses = inSource
      ? `differs from the base commit ${short}: this scan uses the base's version`
      : `is not in the base commit ${short}: this scan does without it`;
    return `${path} ${uses} (the change applies once merged)`;
  }
  if (from.branch) {
    const uses = inSource
      ? `differs from ${from.branch} ${short}: this scan uses ${from.branch}'s version`
      : `is not on ${from.branch} ${short}: this scan does without it`;
    return `${path} ${uses} (a change to it applies once it is on ${from.branch}, or from this branch's next push)`;
  }
  const uses = inSource
    ? `this scan uses the version before it (${short})`
    : `this scan does without it, as before the push (${short})`;
  return `this push changes ${path}: ${uses}; the change applies from the next push`;
}

/** The path inside the repository (git's `/` separators), or undefined for a file outside the workspace. */
function repoPath(workspace: string, path: string): string | undefined {
  const inside = relative(workspace, path);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return inside.split(sep).join('/');
}
