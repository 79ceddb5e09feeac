import { describe, expect, it } from 'vitest';
import { BASE64 } from '../../src/detectors/alphabets.js';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const found = (path: string, text: string) => scan({ path, text, startLine: 1 }).map((f) => f.detector);
const armour = (word: string, kind: string) => `-----${word} ${kind}-----`;
const rng = seededRng(11);
const lines = (n: number) => Array.from({ length: n }, () => rng.string(BASE64, 64)).join('\n');

describe('PEM private keys cut short in docs', () => {
  const rsa = 'RSA PRIVATE KEY';
  it('reports a full body', () => {
    expect(found('README.md', `${armour('BEGIN', rsa)}\n${lines(20)}\n${armour('END', rsa)}\n`)).toEqual([
      'privatekey-pem',
    ]);
  });

  it.each([
    ['an ellipsis line', (a: string, b: string) => `${a}\n...\n${b}`],
    ['an ellipsis at a line end', (a: string, b: string) => `${a}...\n${b}`],
    ['a unicode ellipsis', (a: string, b: string) => `${a}\n…\n${b}`],
    ['<snip>', (a: string, b: string) => `${a}\n<snip>\n${b}`],
    ['[truncated]', (a: string, b: string) => `${a}\n[truncated]\n${b}`],
    ['(... 20 lines omitted ...)', (a: string, b: string) => `${a}\n(... 20 lines omitted ...)\n${b}`],
  ])('drops a body elided with %s', (_name, elide) => {
    const body = elide(lines(5), lines(1));
    const text = `tls:\n  key: |\n${`${armour('BEGIN', rsa)}\n${body}\n${armour('END', rsa)}`.replace(/^/gm, '    ')}\n`;
    expect(found('charts/app/README.md', text)).toEqual([]);
    const json = JSON.stringify({
      key: `${armour('BEGIN', 'PRIVATE KEY')}\n${body}\n${armour('END', 'PRIVATE KEY')}\n`,
    });
    expect(found('docs/key.json', json)).toEqual([]);
  });

  it('drops a body that stops at a full stop before its END line, on one line or several', () => {
    const cut = `${rng.string(BASE64, 64)}.`;
    const comment = `/** For example, \`${armour('BEGIN', rsa)} ${cut} ${armour('END', rsa)}\` */\n`;
    expect(found('lib/rest/credential.d.ts', comment)).toEqual([]);
    expect(
      found('docs/key.json', JSON.stringify({ key: `${armour('BEGIN', rsa)}\n${cut}\n${armour('END', rsa)}` })),
    ).toEqual([]);
    // The newline escaped twice over, as a doc comment generated from an API description writes it.
    const escaped = `e.g. \`${armour('BEGIN', rsa)}${rng.string(BASE64, 64)}${'\\'.repeat(4)}n.${armour('END', rsa)}\``;
    expect(found('lib/rest/notify/credential.d.ts', `/** ${escaped} */\n`)).toEqual([]);
    // A full stop in prose after a complete key's END line changes nothing.
    expect(found('README.md', `${armour('BEGIN', rsa)}\n${lines(20)}\n${armour('END', rsa)}.\n`)).toEqual([
      'privatekey-pem',
    ]);
  });

  it('drops prose between the armour lines', () => {
    const prose =
      'Paste the whole content of the key file that the certificate authority gave you here, keeping every line as it ' +
      'is, with the line breaks and the padding at the end, then save the file and restart the ingress controller ' +
      'so that it reads the new key and serves the new certificate on every host';
    expect(found('README.md', `${armour('BEGIN', rsa)}\n${prose}\n${armour('END', rsa)}\n`)).toEqual([]);
  });

  it('reports a key whose lines are run together with spaces', () => {
    const oneLine = `${armour('BEGIN', rsa)} ${lines(12).replace(/\n/g, ' ')} ${armour('END', rsa)}`;
    expect(found('.env', `TLS_KEY="${oneLine}"\n`)).toEqual(['privatekey-pem']);
  });
});

describe('base64-encoded PEM private keys', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const pem = (kind: string, body: string) => `${armour('BEGIN', kind)}\n${body}\n${armour('END', kind)}\n`;
  const all = (path: string, text: string) => scan({ path, text, startLine: 1 });

  it.each([
    ['.env', (v: string) => `SIGNING_KEY_B64=${v}\n`],
    ['.env', (v: string) => `JWT_PRIVATE_KEY_BASE64=${v}\n`],
    ['config/app.json', (v: string) => JSON.stringify({ signingKeyB64: v })],
  ])('reports one in %s', (path, render) => {
    expect(found(path, render(b64(pem('RSA PRIVATE KEY', lines(20)))))).toEqual(['generic-private-key-base64']);
  });

  it('leaves a Kubernetes Secret to the base64 pass, as before', () => {
    const text = `kind: Secret\ndata:\n  tls.key: ${b64(pem('PRIVATE KEY', lines(10)))}\n`;
    expect(all('secret.yaml', text).map((f) => [f.detector, f.decodedFrom])).toEqual([['privatekey-pem', 'base64']]);
  });

  it('drops an encoded doc sample cut short, and an encoded certificate', () => {
    expect(found('.env', `KEY_B64=${b64(pem('RSA PRIVATE KEY', `${lines(3)}\n...`))}\n`)).toEqual([]);
    expect(found('.env', `CERT_B64=${b64(pem('CERTIFICATE', lines(10)))}\n`)).toEqual([]);
  });

  it('reports a value cut before its END line (it cannot be judged)', () => {
    const cut = b64(pem('PRIVATE KEY', lines(10))).slice(0, 400);
    expect(found('.env', `KEY_B64=${cut}\n`)).toEqual(['generic-private-key-base64']);
  });
});

describe('hostile input', () => {
  it('stays linear on long runs of encoded BEGIN lines and elision marks', () => {
    const MB = 1_000_000;
    for (const text of [
      'LS0tLS1CRUdJTi'.repeat(MB / 14),
      `LS0tLS1CRUdJTiBSU0Eg${'A'.repeat(MB)}`,
      `${armour('BEGIN', 'PRIVATE KEY')}\n${'Ab\n'.repeat(MB / 3)}`,
      `${armour('BEGIN', 'PRIVATE KEY')}\n${'Ab ...\n'.repeat(MB / 7)}`,
    ]) {
      expect(found('big.env', text)).toBeDefined();
    }
  });
});
