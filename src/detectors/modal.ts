import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedKey } from './named-key.js';
import { isMixedAlnum } from './token-shape.js';
import { modal } from '../providers/modal.js';

// A token is an id (`ak-` + 22 base62) and a secret (`as-` + 22 base62); the secret is what signs in.
// `as-` alone is any word's end (`has-`, `alias-`), so it counts beside MODAL_TOKEN_SECRET or the
// `token_secret` of ~/.modal.toml (https://modal.com/docs/reference/modal.config).
export const modalTokenSecret: Detector = namedKey({
  id: 'modal-token-secret',
  provider: 'modal',
  keyKind: 'Modal token secret',
  severity: 'high',
  risk: 'A Modal token deploys and runs functions on the workspace’s GPUs and reads its volumes, secrets and dicts.',
  remediation: modal.remediation,
  names: [
    ['modal', 'token', 'secret'],
    ['token', 'secret'],
  ],
  keywords: ['token_secret'],
  value: 'as-[A-Za-z0-9]{22}',
  maxValue: 25,
  validate: (s) => isMixedAlnum(s.slice(3)),
  examples: {
    positive: (rng) => [`as-${rng.string(ALNUM, 10)}Md3${rng.string(ALNUM, 9)}`],
    negative: ['as-xxxxx', 'as-FAKESECRETSTRINGABCDEF', 'as-...', 'as-xxxxxxxxxxxxxxxxxxxxxx'],
  },
});
