import { describe, expect, it } from 'vitest';
import { ALNUM } from '../../src/detectors/alphabets.js';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const found = (path: string, text: string) => scan({ path, text, startLine: 1 }).map((f) => f.detector);

describe('Vault tokens', () => {
  const rng = seededRng(13);
  const id = `${rng.string(ALNUM, 10)}Tq4${rng.string(ALNUM, 11)}`;

  it('finds the short hvs./hvb./hvr. forms anywhere', () => {
    for (const prefix of ['hvs.', 'hvb.', 'hvr.']) {
      expect(found('notes.md', `token: ${prefix}${id}\n`)).toEqual(['vault-token']);
    }
  });

  it('finds a pre-1.10 s. token on a line that names Vault', () => {
    expect(found('.env', `VAULT_TOKEN=s.${id}\n`)).toEqual(['vault-legacy-token']);
    expect(found('curl.sh', `curl -H "X-Vault-Token: s.${id}" https://vault.example.com/v1/secret/app\n`)).toEqual([
      'vault-legacy-token',
    ]);
    expect(found('login.sh', `vault login s.${id}\n`)).toEqual(['vault-legacy-token']);
  });

  it('stays quiet on s. + 24 characters where nothing on the line names Vault', () => {
    expect(found('config.yml', `vault:\n  addr: https://vault.example.com\nsession: s.${id}\n`)).toEqual([]);
    expect(found('app.js', `const s = { s.${id} };\n`)).toEqual([]);
  });
});
