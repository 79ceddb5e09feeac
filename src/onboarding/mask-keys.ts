import { defaultConfig } from '../policy/default-config.js';
import { redact } from '../scan/redact.js';
import { createScannerForConfig } from '../scan/scanner-for-config.js';
import type { Finding, Fragment } from '../types.js';

let found: string[] = [];
let scan: ((fragment: Fragment) => Finding[]) | undefined;

/**
 * `text` with every key the engine recognises in it redacted (prefix-less `…` and the last 4
 * characters). For text the bot writes from what people typed — a config file's values, its error
 * messages — so a key pasted into the wrong place is never repeated whole (docs/ARCHITECTURE.md,
 * "Security rules").
 */
export function maskKeys(text: string): string {
  scan ??= createScannerForConfig(defaultConfig, (secret) => found.push(secret));
  found = [];
  scan({ path: 'pull-request-body.md', text, startLine: 1 });
  const secrets = [...new Set(found)].sort((a, b) => b.length - a.length);
  found = [];
  return secrets.reduce((out, secret) => out.split(secret).join(redact(secret)), text);
}
