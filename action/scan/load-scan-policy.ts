import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import type { Config } from '../../src/policy/config-schema.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import { parseBaseline } from '../../src/scan/baseline.js';
import { InputError, type ActionSettings } from '../settings.js';
import type { ScanGit } from './scan-git.js';

/** The rules a scan runs by: the config, and the fingerprints a baseline accepts (when one was asked for). */
export interface ScanPolicy {
  config: Config;
  baseline?: Set<string>;
}

/**
 * Reads the config and the baseline from the workspace, or, given `base` (a pull request's or merge
 * group's base commit, already in the clone), from that commit: the workspace holds the pull
 * request's own files, and a pull request that adds `scan.allow.paths: ['**']` or a baseline entry
 * for its key must still fail. A change to either file applies once it is merged. Files outside the
 * workspace are not the pull request's and are read from disk.
 */
export async function loadScanPolicy(settings: ActionSettings, base: string | undefined, git: ScanGit, onNote: (note: string) => void): Promise<ScanPolicy> {
  const read = async (path: string): Promise<{ text: string | undefined; source: string; atBase?: true }> => {
    const inRepo = repoPath(settings.context.workspace, path);
    if (base === undefined || inRepo === undefined) return { text: existsSync(path) ? await readFile(path, 'utf8') : undefined, source: path };
    const text = await git.showFile(base, inRepo);
    const source = `${inRepo} at base ${base.slice(0, 7)}`;
    const local = existsSync(path) ? await readFile(path, 'utf8') : undefined;
    if (local !== text) {
      const uses = text === undefined ? `is not in the base commit ${base.slice(0, 7)}: this scan does without it` : `differs from the base commit ${base.slice(0, 7)}: this scan uses the base's version`;
      onNote(`${inRepo} ${uses} (the change applies once merged)`);
    }
    return { text, source, atBase: true };
  };

  const config = await read(settings.configPath);
  const policy: ScanPolicy = { config: config.text === undefined ? defaultConfig : parseConfig(config.text, config.source) };
  if (settings.baselinePath) {
    const baseline = await read(settings.baselinePath);
    if (baseline.text !== undefined) policy.baseline = parseBaseline(baseline.text, baseline.source, settings.fingerprintKey);
    else if (!baseline.atBase) throw new InputError(`input 'baseline' is '${settings.baselinePath}': no such file (create it with \`npx key-hygiene baseline\`)`);
    else onNote(`no ${baseline.source}: every key found is reported`);
  }
  return policy;
}

/** The path inside the repository (git's `/` separators), or undefined for a file outside the workspace. */
function repoPath(workspace: string, path: string): string | undefined {
  const inside = relative(workspace, path);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return inside.split(sep).join('/');
}
