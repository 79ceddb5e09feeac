import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/policy/default-config.js';
import { keyFindings, readFingerprintKey } from '../../src/scan/fingerprint-key.js';
import { runScan } from '../../src/scan/run-scan.js';
import { createSecretVault } from '../../src/scan/secret-vault.js';
import { verifyFindings } from '../../src/scan/verify-findings.js';
import { historySource } from '../../src/sources/history-source.js';
import { useTestRepos } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { startProviderStandIn, type ProviderStandIn } from '../support/provider-stand-in.js';

// verifyFindings as a front calls it (the CLI, the Action, the App's incidents): a real scan whose
// onSecret is the vault, then each distinct key asked of a stand-in on 127.0.0.1.

const newRepo = useTestRepos();
let openai: ProviderStandIn;
beforeAll(async () => {
  openai = await startProviderStandIn('openai');
});
afterAll(() => openai.close());

/** A history holding `count` distinct OpenAI keys, each in two commits (two findings, one key). */
async function scanKeys(count: number, fingerprintKey = readFingerprintKey(undefined, 'none')) {
  const repo = newRepo();
  const keys = Array.from({ length: count }, (_, i) => makeKey('openai-project-key', 100 + i));
  repo.write('keys.env', keys.map((k, i) => `KEY_${i}=${k}`).join('\n'));
  repo.commit('add');
  repo.write('keys.env', keys.map((k, i) => `KEY_${i}=${k} # again`).join('\n'));
  repo.commit('touch');
  const vault = createSecretVault(fingerprintKey);
  const result = await runScan({ source: historySource(repo.root), config: defaultConfig, onSecret: vault.onSecret });
  return { keys, vault, findings: keyFindings(result.findings, fingerprintKey) };
}

describe('verifyFindings', () => {
  it('asks each distinct key once, a bounded number at a time, and marks every finding of it', async () => {
    const { keys, vault, findings } = await scanKeys(6, readFingerprintKey('a-fingerprint-key-of-32-characters', 'k'));
    expect(findings).toHaveLength(12);
    openai.requests.length = 0;
    for (const key of keys.slice(0, 3)) openai.answers.set(key, 'live');
    let inFlight = 0;
    let most = 0;
    const counting = (async (url: string, init: RequestInit) => {
      most = Math.max(most, ++inFlight);
      try {
        return await fetch(url, init);
      } finally {
        inFlight--;
      }
    }) as typeof fetch;

    const verified = await verifyFindings(findings, {
      secrets: vault,
      fetch: counting,
      urls: { openai: openai.url },
      concurrency: 2,
    });

    expect(openai.requests.map((r) => r.key).sort()).toEqual([...keys].sort());
    expect(most).toBeLessThanOrEqual(2);
    expect(verified.map((f) => f.verification?.status).filter((s) => s === 'live')).toHaveLength(6);
    expect(verified.map((f) => f.verification?.status).filter((s) => s === 'revoked')).toHaveLength(6);
    expect(JSON.stringify(verified)).not.toContain(keys[0]);
    expect(findings.every((f) => f.verification === undefined)).toBe(true); // the input is left as it was
  });

  it('asks at most maxKeys keys in a run; the others are unknown and say why, and none is hidden', async () => {
    const { vault, findings } = await scanKeys(5);
    openai.requests.length = 0;
    const verified = await verifyFindings(findings, {
      secrets: vault,
      fetch,
      urls: { openai: openai.url },
      maxKeys: 2,
    });
    expect(openai.requests).toHaveLength(2);
    expect(verified).toHaveLength(findings.length);
    const unasked = verified.filter(
      (f) => f.verification?.detail === 'not asked: at most 2 keys are checked in one run',
    );
    expect(unasked).toHaveLength(6);
    expect(unasked.every((f) => f.verification?.status === 'unknown')).toBe(true);
  });

  it('leaves alone a finding whose key it does not hold (another scan, or a kind with no live check)', async () => {
    const { findings } = await scanKeys(1);
    openai.requests.length = 0;
    const verified = await verifyFindings(findings, {
      secrets: createSecretVault(),
      fetch,
      urls: { openai: openai.url },
    });
    expect(verified).toEqual(findings);
    expect(openai.requests).toEqual([]);
  });
});
