import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { URLSAFE } from '../../src/detectors/alphabets.js';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const found = (path: string, text: string) => scan({ path, text, startLine: 1 }).map((f) => f.detector);
const b64url = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');
const rng = seededRng(17);

/** An HS256 token signed as a docs page signs its sample (or as an issuer signs a real one). */
function jwt(payload: object, secret: string): string {
  const unsigned = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('JWT doc samples', () => {
  it('drops a token whose subject is a demo value, in docs and in JSON', () => {
    const sample = jwt({ sub: '1234567890', name: 'Jane Roe', iat: 1516239022 }, rng.string(URLSAFE, 20));
    expect(found('docs/es/auth.md', `Authorization: Bearer ${sample}\n`)).toEqual([]);
    expect(found('docs/api/example.json', `{ "token": "${sample}" }\n`)).toEqual([]);
    const mail = jwt({ sub: rng.string(URLSAFE, 12), email: 'jane.roe@example.com' }, rng.string(URLSAFE, 20));
    expect(found('docs/auth.md', `token: ${mail}\n`)).toEqual([]);
  });

  it('reports the same sample outside documentation (code, config, plain text)', () => {
    const sample = jwt({ sub: '1234567890', name: 'Jane Roe', iat: 1516239022 }, rng.string(URLSAFE, 20));
    expect(found('src/auth.test.ts', `const token = '${sample}';\n`)).toEqual(['generic-jwt']);
    expect(found('case.txt', `${sample}\n`)).toEqual(['generic-jwt']);
  });

  it('reports a token issued for a real subject, with or without expiry', () => {
    const real = jwt(
      { sub: `auth0|${rng.string(URLSAFE, 24)}`, email: 'ops@acme.io', iat: 1716239022 },
      rng.string(URLSAFE, 20),
    );
    expect(found('docs/auth.md', `Authorization: Bearer ${real}\n`)).toEqual(['generic-jwt']);
    const short = jwt({ sub: '42', role: 'service', iat: 1516239022 }, rng.string(URLSAFE, 20));
    expect(found('.env', `API_TOKEN=${short}\n`)).toEqual(['generic-jwt']);
  });
});
