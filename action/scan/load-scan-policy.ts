import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Config } from '../../src/policy/config-schema.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import { parseBaseline } from '../../src/scan/baseline.js';
import { InputError } from '../settings.js';

/** The config file's policy, or the defaults when the file does not exist (most repositories have none). */
export async function loadConfig(path: string): Promise<Config> {
  if (!existsSync(path)) return defaultConfig;
  return parseConfig(await readFile(path, 'utf8'), path);
}

/** The fingerprints a baseline accepts; a baseline that was asked for must exist. */
export async function loadBaseline(path: string): Promise<Set<string>> {
  if (!existsSync(path)) throw new InputError(`input 'baseline' is '${path}': no such file (create it with \`npx key-hygiene baseline\`)`);
  return parseBaseline(await readFile(path, 'utf8'), path);
}
