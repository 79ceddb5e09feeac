import type { Config } from '../policy/config-schema.js';
import { defaultConfig } from '../policy/default-config.js';
import { redact } from './redact.js';
import { createScannerForConfig } from './scanner-for-config.js';

/** Lists the raw secrets a config's detectors find in a text (for masking them; never print one). */
export type FindSecrets = (text: string) => string[];

/**
 * A {@link FindSecrets} over `config`'s detectors. The list the scanner fills is this function's
 * own, emptied at the start of each call and handed over at its end (the scan is synchronous).
 */
export function createFindSecrets(config: Config): FindSecrets {
  const found: string[] = [];
  const scan = createScannerForConfig(config, (secret) => found.push(secret));
  return (text) => {
    found.length = 0;
    scan({ path: 'pull-request-body.md', text, startLine: 1 });
    return found.splice(0);
  };
}

let defaultFindSecrets: FindSecrets | undefined;

/**
 * The default config's {@link FindSecrets}, built on first use and shared: building it compiles
 * every detector (about 10 ms, where masking a short text takes well under 1), and it keeps nothing
 * from one call to the next.
 */
function findSecretsOfDefaultConfig(): FindSecrets {
  return (defaultFindSecrets ??= createFindSecrets(defaultConfig));
}

/**
 * `text` with every key the engine recognises in it redacted (prefix-less `…` and the last 4
 * characters). For text the bot writes from what people typed — a config file's values, its error
 * messages — so a key pasted into the wrong place is never repeated whole (docs/ARCHITECTURE.md,
 * "Security rules").
 */
export function maskKeys(text: string, findSecrets: FindSecrets = findSecretsOfDefaultConfig()): string {
  const secrets = [...new Set(findSecrets(text))].sort((a, b) => b.length - a.length);
  return secrets.reduce((out, secret) => out.split(secret).join(redact(secret)), text);
}
