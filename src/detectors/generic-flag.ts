import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isRealPassword } from './credential-rules.js';
import { PROVIDER_PREFIX, genericSecret } from './generic.js';
import { namesSecret, namesStrongSecret } from './generic-name.js';
import { looksSecret } from './generic-value.js';

// `acme deploy --api-key <key>`, `--token <key>`, `--client-secret '<key>'` on command lines (scripts, CI
// steps, READMEs), and a Dockerfile's `ENV ACME_API_KEY <key>` (the form without `=`, Dockerfile
// reference, "ENV"). The `--flag=value` and `ENV NAME=value` forms are the generic rule's already.
const NAME = String.raw`(?<name>(?=[A-Za-z0-9])[A-Za-z0-9_.-]{0,40}?(?:key|secret|token|passw(?:or)?d|pwd|pass(?:phrase)?|credentials?|auth)[A-Za-z0-9_-]{0,12})`;

export const genericCliFlag: Detector = {
  id: 'generic-cli-flag',
  provider: 'generic',
  keyKind: 'Secret passed as a command-line option',
  severity: 'medium',
  risk: 'A key on a command line is in every shell history, CI log and process list that sees it, and grants whatever its service gives.',
  remediation: genericSecret.remediation,
  keywords: genericSecret.keywords,
  // Each branch starts with its literal (`-`, `ENV`) and looks behind only after it: a look-behind first
  // would be tried at every position of the window.
  pattern: new RegExp(
    String.raw`(?:-(?<=[\s"'\x60(]-)-?|ENV(?<=^[ \t]{0,8}ENV)[ \t]{1,8})${NAME}[ \t]{1,4}(?:\\?["'])?(?<secret>[^\s"'\x60,;\\<>(){}\[\]|=]{8,200})`,
    'gim',
  ),
  window: { before: 64, after: 300 },
  redactPrefix: () => '',
  validate: (secret, { match }) => {
    const name = /^(?:-{1,2}|ENV[ \t]+)?([A-Za-z0-9_.-]+)/i.exec(match)?.[1] ?? '';
    if (!namesSecret(name) || PROVIDER_PREFIX.test(secret)) return false;
    const isPassword = /pass|pwd/i.test(name);
    return looksSecret(secret, namesStrongSecret(name), isPassword) && (!isPassword || isRealPassword(secret));
  },
  examples: {
    positive: (rng) => [
      `acme deploy --api-key ${rng.string(ALNUM, 32)} --region eu`,
      `acme-cli login --token '${rng.string(ALNUM, 40)}'`,
    ],
    negative: [
      'acme deploy --api-key $ACME_API_KEY --region eu',
      'acme deploy --api-key <your-api-key>',
      'acme deploy --api-key YOUR_API_KEY',
      'acme login --token "${{ secrets.ACME_TOKEN }}"',
      'gpg --recv-keys 0x4AEE18F83AFDEB23',
      'acme login --token-file ./secrets/token.txt',
      'docker login --password-stdin --username deploy',
      'acme deploy --key-id 1234567890abcdef',
    ],
    assignedTo: 'cmd',
  },
};
