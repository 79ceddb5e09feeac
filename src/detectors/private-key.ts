import type { Detector } from './detector.js';
import { BASE64 } from './alphabets.js';
import { isPlaceholder } from './placeholder.js';

const MIN_BODY = 64;

/** The text after the BEGIN line: JSON `\n` escapes made real line breaks, RFC 1421 armor headers removed. */
function bodyTextOf(secret: string): string {
  return secret
    .slice(secret.indexOf('-----', 10) + 5)
    .replace(/\\[nr]/g, '\n')
    .replace(/[A-Z][A-Za-z-]{1,20}: [^\n]*/g, '');
}

/** The base64 characters of a PEM body: line breaks, JSON `\n` escapes, armor headers and quotes removed. */
function bodyOf(secret: string): string {
  return bodyTextOf(secret).replace(/[^A-Za-z0-9+/=]/g, '');
}

/**
 * Prose, not base64: a PEM body is lines of 64 (or 70, 76) base64 characters, or those lines run
 * together; words between the armor lines ("paste your key here …") are mostly short tokens.
 */
function isProse(secret: string): boolean {
  const tokens = bodyTextOf(secret)
    .split(/[\s"',+]+/)
    .filter(Boolean);
  return tokens.length >= 4 && tokens.filter((t) => t.length < 16).length * 2 > tokens.length;
}

export const privateKey: Detector = {
  id: 'privatekey-pem',
  provider: 'privatekey',
  keyKind: 'Private key (PEM)',
  severity: 'critical',
  risk: 'A private key lets its holder impersonate the server, user or service account it belongs to and decrypt what was sent to it.',
  remediation:
    'Treat the key as compromised: revoke the certificate, SSH key, deploy key or service-account key it belongs to (for a GCP ' +
    'service account: https://console.cloud.google.com/iam-admin/serviceaccounts → Keys) and issue a new one — deleting the ' +
    'commit does not make it safe: history, forks and caches keep it. Store the new key in an environment secret or a secret manager.',
  // The keyword sits at the end of the BEGIN line (and on END lines): specific, unlike "-----begin" (certificates).
  keywords: ['private key-----', 'private key block-----'],
  // Reported at the BEGIN line; the body (real lines or JSON-escaped `\n` ones, optional RFC 1421 headers such as
  // Proc-Type) must hold base64, so empty templates stay quiet. `m` widens the scan window to 16 KiB for long keys.
  // `elided` is the mark docs put where they cut a key short ("...", "…", "<snip>", "[truncated]", or a full stop
  // just before the END line: `MIIEpQIBAAKCAQEAuyf…iieR. -----END RSA PRIVATE KEY-----`; line breaks before it may be
  // escaped once or twice over, as generated doc comments write them) right after
  // the base64 stops: such a body is a sample, whatever its length. A complete key goes on to its END line.
  pattern: new RegExp(
    '(?<secret>-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----' +
      '(?:(?:\\s|\\\\[nr]){1,4}[A-Z][A-Za-z-]{1,20}: [^\\n\\\\]{1,120}){0,4}' +
      '(?:[A-Za-z0-9+/=\\s"\',]|\\\\[nr]){0,12000}[A-Za-z0-9+/=])' +
      '(?<elided>(?:[ \\t"\',]|\\\\{1,4}[nr]|\\r?\\n){0,8}(?:\\.\\.|\\.(?=(?:\\s|\\\\[nr]){0,8}-----END)|…|[<[({][ \\t]{0,3}(?:\\.\\.|…|[Ss][Nn][Ii][Pp]|[Tt]runcated|[Oo]mitted|[Rr]edacted|[Ee]lided|[Cc]ut\\b)))?',
    'gm',
  ),
  redactPrefix: (s) => s.slice(0, s.indexOf('-----', 10) + 5),
  allowPlaceholderLike: true,
  validate: (secret, { match }) => {
    if (match.length > secret.length) return false;
    if (isProse(secret)) return false;
    const body = bodyOf(secret);
    // Long bodies skip the filler-word check: 1,600 random characters hold a "Fake" or "XXXX" by chance.
    return body.length >= MIN_BODY && new Set(body).size >= 20 && (body.length >= 200 || !isPlaceholder(body));
  },
  examples: {
    positive: (rng) => {
      const lines = (n: number) => Array.from({ length: n }, () => rng.string(BASE64, 64)).join('\n');
      return [
        `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${lines(6)}\n-----END RSA PRIVATE KEY-----`,
        `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${lines(4)}\n-----END OPENSSH PRIVATE KEY-----`,
      ];
    },
    negative: [
      '-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----',
      '-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\nYOUR_PRIVATE_KEY_HERE\n-----END RSA PRIVATE KEY-----',
    ],
  },
};
