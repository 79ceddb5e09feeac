import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Config } from '../../src/policy/config-schema.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { parseConfig } from '../../src/policy/parse-config.js';

/**
 * The policy from the `config` input's file, or the defaults when there is none. A bad file throws
 * a one-line ConfigError naming the field and the value, with the path as the user wrote it.
 */
export function readPolicy(configPath: string, workspace: string): Config {
  if (!existsSync(configPath)) return defaultConfig;
  return parseConfig(readFileSync(configPath, 'utf8'), relative(workspace, configPath) || configPath);
}
