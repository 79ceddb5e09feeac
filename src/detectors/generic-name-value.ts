import type { Detector } from './detector.js';
import { isRealPassword } from './credential-rules.js';
import { PROVIDER_PREFIX, genericSecret } from './generic.js';
import { namesSecret, namesStrongSecret } from './generic-name.js';
import { looksSecret } from './generic-value.js';

// A variable given as a name/value pair, where the name and the value are two fields: a Kubernetes
// container's `env` list (`- name: ACME_API_KEY` then `value: "…"`, Kubernetes docs, "Define Environment
// Variables for a Container"), an ECS task definition or Terraform's `{"name": "…", "value": "…"}`.
const NAME = String.raw`[A-Za-z0-9_.-]{0,40}?(?:key|secret|token|passw(?:or)?d|pwd|pass(?:phrase)?|credentials?|auth)[A-Za-z0-9_]{0,12}`;
const YAML_PAIR = String.raw`\bname:[ \t]{1,8}["']?${NAME}["']?[ \t]{0,8}\r?\n[ \t]{0,40}(?:-[ \t]{1,4})?value:[ \t]{1,8}["']?`;
const JSON_PAIR = String.raw`"name"[ \t]{0,4}:[ \t]{0,4}"${NAME}"[ \t]{0,4},\s{0,40}"value"[ \t]{0,4}:[ \t]{0,4}"`;
const VALUE = String.raw`(?<secret>[^\s"'\x60,;\\<>(){}\[\]|]{8,200})`;

export const genericNameValue: Detector = {
  id: 'generic-name-value',
  provider: 'generic',
  keyKind: 'Secret set as a name/value pair (Kubernetes env, task definitions)',
  severity: 'medium',
  risk: genericSecret.risk,
  remediation: genericSecret.remediation,
  keywords: genericSecret.keywords,
  pattern: new RegExp(`(?:${YAML_PAIR}|${JSON_PAIR})${VALUE}`, 'gi'),
  window: { before: 64, after: 360 },
  redactPrefix: () => '',
  validate: (secret, { match }) => {
    const name = /name"?[ \t]*:[ \t]*["']?([A-Za-z0-9_.-]+)/i.exec(match)?.[1] ?? '';
    if (!namesSecret(name) || PROVIDER_PREFIX.test(secret)) return false;
    const isPassword = /pass|pwd/i.test(name);
    return looksSecret(secret, namesStrongSecret(name), isPassword) && (!isPassword || isRealPassword(secret));
  },
  examples: {
    // The pair spans two lines or two fields, which the shared one-value renderings cannot hold: see
    // test/detectors/generic-places.test.ts.
    positive: () => [],
    negative: [],
  },
};
