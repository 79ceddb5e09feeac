import type { Detector } from './detector.js';
import { BASE64 } from './alphabets.js';
import { privateKey } from './private-key.js';

// Every base64-encoded PEM starts with the encoding of "-----BEGIN " (LS0tLS1CRUdJTi), whatever follows.
const ENCODED_BEGIN = 'LS0tLS1CRUdJTi';
const BEGIN_PRIVATE = /^-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----/;
const HEAD_CHARS = 96;

/**
 * The encoded text holds a PEM private key: its first characters decode to a private-key BEGIN line,
 * and, when the decoded text holds the END line too, the body passes the PEM detector's own checks
 * (not cut short, not prose). A value cut before its END line cannot be judged, so it is reported.
 */
function isEncodedPrivateKey(secret: string): boolean {
  const head = Buffer.from(secret.slice(0, HEAD_CHARS), 'base64').toString('latin1');
  if (!BEGIN_PRIVATE.test(head)) return false;
  const pem = Buffer.from(secret, 'base64').toString('latin1');
  if (!/-----END[ A-Z0-9]{0,40} PRIVATE KEY/.test(pem)) return true;
  const re = new RegExp(privateKey.pattern.source, privateKey.pattern.flags);
  const m = re.exec(pem);
  const pemSecret = m?.groups?.secret;
  return pemSecret !== undefined && privateKey.validate!(pemSecret, { match: m![0], line: pem, path: '' });
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

export const base64PrivateKey: Detector = {
  // Owned by the nameless generic group, so that where the scanner's own base64 pass already decodes the
  // value (a Kubernetes Secret's `data:`) its privatekey-pem finding wins the overlap and nothing changes.
  id: 'generic-private-key-base64',
  provider: 'generic',
  keyKind: 'Private key (PEM, base64-encoded)',
  severity: 'critical',
  confidence: 'medium', // as sure as the PEM it decodes to, though the group is generic
  risk: privateKey.risk,
  remediation: privateKey.remediation,
  keywords: [ENCODED_BEGIN.toLowerCase()],
  // Names such as SIGNING_KEY_B64 carry a PEM made one line with `base64 -w0`; the encoded BEGIN line alone
  // is about 45 characters, so a value this long holds part of a body. Bounded: 16 K characters decode to 12 KB.
  pattern: new RegExp(`(?<![A-Za-z0-9+/])(?<secret>${ENCODED_BEGIN}[A-Za-z0-9+/]{100,16000}={0,2})`, 'g'),
  window: { before: 64, after: 16 * 1024 },
  redactPrefix: () => ENCODED_BEGIN,
  allowPlaceholderLike: true,
  validate: isEncodedPrivateKey,
  examples: {
    positive: (rng) => {
      const lines = (n: number) => Array.from({ length: n }, () => rng.string(BASE64, 64)).join('\n');
      return [
        b64(`-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC${lines(8)}\n-----END PRIVATE KEY-----\n`),
        b64(
          `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${lines(5)}\n-----END OPENSSH PRIVATE KEY-----\n`,
        ),
      ];
    },
    negative: [
      b64('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n...\n-----END PRIVATE KEY-----\n'),
      b64(
        '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----\n',
      ),
    ],
    assignedTo: 'SIGNING_KEY_B64',
  },
};
