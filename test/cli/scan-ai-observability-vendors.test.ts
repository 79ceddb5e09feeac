import { afterEach, describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry.js';
import { ownerOfDetector } from '../../src/providers/owner-of-detector.js';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { seededRng } from '../support/seeded-rng.js';
import { runCli } from '../support/run-cli.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

// The AI and observability vendors' detectors, each keyed by the variable its vendor's docs use.
const VENDOR_DETECTORS: Record<string, string> = {
  'amplitude-secret-key': 'AMPLITUDE_SECRET_KEY',
  'assemblyai-api-key': 'ASSEMBLYAI_API_KEY',
  'bugsnag-api-key': 'BUGSNAG_API_KEY',
  'cerebras-api-key': 'CEREBRAS_API_KEY',
  'cohere-api-key': 'CO_API_KEY',
  'datadog-api-key': 'DD_API_KEY',
  'datadog-app-key': 'DD_APP_KEY',
  'deepgram-api-key': 'DEEPGRAM_API_KEY',
  'deepseek-api-key': 'DEEPSEEK_API_KEY',
  'dynatrace-api-token': 'DT_API_TOKEN',
  'elevenlabs-api-key': 'ELEVENLABS_API_KEY',
  'elevenlabs-legacy-key': 'XI_API_KEY',
  'fireworks-api-key': 'FIREWORKS_API_KEY',
  'helicone-api-key': 'HELICONE_API_KEY',
  'honeycomb-api-key': 'HONEYCOMB_API_KEY',
  'honeycomb-ingest-key': 'OTEL_HONEYCOMB_INGEST',
  'jina-api-key': 'JINA_API_KEY',
  'langfuse-secret-key': 'LANGFUSE_SECRET_KEY',
  'langsmith-api-key': 'LANGSMITH_API_KEY',
  'launchdarkly-access-token': 'LD_ACCESS_TOKEN',
  'launchdarkly-sdk-key': 'LAUNCHDARKLY_SDK_KEY',
  'mistral-api-key': 'MISTRAL_API_KEY',
  'mixpanel-secret': 'MIXPANEL_API_SECRET',
  'modal-token-secret': 'MODAL_TOKEN_SECRET',
  'newrelic-license-key': 'NEW_RELIC_LICENSE_KEY',
  'newrelic-user-api-key': 'NEW_RELIC_API_KEY',
  'nvidia-api-key': 'NVIDIA_API_KEY',
  'pagerduty-api-key': 'PAGERDUTY_TOKEN',
  'pinecone-api-key': 'PINECONE_API_KEY',
  'posthog-personal-api-key': 'POSTHOG_PERSONAL_API_KEY',
  'replicate-api-token': 'REPLICATE_API_TOKEN',
  'rollbar-access-token': 'ROLLBAR_ACCESS_TOKEN',
  'stability-api-key': 'STABILITY_API_KEY',
  'together-api-key': 'TOGETHER_API_KEY',
  'together-legacy-key': 'TOGETHER_API_KEY',
  'voyage-api-key': 'VOYAGE_API_KEY',
  'wandb-api-key': 'WANDB_API_KEY',
  'wandb-legacy-key': 'WANDB_API_KEY',
  'xai-api-key': 'XAI_API_KEY',
  'llamacloud-api-key': 'LLAMA_CLOUD_API_KEY',
  'firecrawl-api-key': 'FIRECRAWL_API_KEY',
};

interface JsonFinding {
  detector: string;
  provider: string;
  path: string;
  line: number;
  redacted: string;
}

const scanJson = (): { code: number | null; findings: JsonFinding[]; out: string } => {
  const run = runCli(['scan', '.', '--format', 'json', '--no-config'], { cwd: repo.root, env: repo.env });
  return { code: run.code, findings: JSON.parse(run.stdout).findings, out: run.stdout + run.stderr };
};

describe('key-hygiene scan: AI and observability vendor keys', () => {
  it('names each vendor’s key where its docs put it, redacted, with its own provider', () => {
    repo = createTestRepo({ init: false });
    const ids = Object.keys(VENDOR_DETECTORS);
    const keys = ids.map((id) => makeKey(id, 5));
    const lines = ids.map((id, i) => `export ${VENDOR_DETECTORS[id]}='${keys[i]}'`);
    repo.write('deploy/env.sh', `#!/bin/sh\n${lines.join('\n')}\n`);

    const { code, findings, out } = scanJson();
    expect(code).toBe(1);
    expect(findings.map((f) => `${f.line} ${f.detector}`)).toEqual(ids.map((id, i) => `${i + 2} ${id}`));
    for (const f of findings) expect(f.provider).toBe(ownerOfDetector(f.detector)!.id);
    for (const key of keys) expect(out).not.toContain(key.slice(-20, -4));
  });

  it('finds DeepSeek and LangSmith keys the generic rule cannot (it leaves `sk-` values and `lsv2_` tokens alone)', () => {
    repo = createTestRepo({ init: false });
    const rng = seededRng(9);
    const hex = (n: number) => rng.string('0123456789abcdef', n);
    repo.write(
      'app/settings.py',
      `DEEPSEEK_API_KEY = "sk-${hex(15)}a1${hex(15)}"\n` +
        `LANGCHAIN_API_KEY = "lsv2_sk_${hex(15)}b2${hex(15)}_${hex(10)}"\n`,
    );
    expect(scanJson().findings.map((f) => f.detector)).toEqual(['deepseek-api-key', 'langsmith-api-key']);
  });

  it('leaves the docs’ placeholders and look-alikes alone', () => {
    repo = createTestRepo({ init: false });
    repo.write(
      '.env.example',
      [
        'MISTRAL_API_KEY=your_mistral_api_key',
        'DEEPSEEK_API_KEY=sk-...',
        'VOYAGE_API_KEY=pa-your-voyage-key-here',
        'HELICONE_API_KEY=sk-helicone-xxxxxxx-xxxxxxx-xxxxxxx-xxxxxxx',
        'MODAL_TOKEN_SECRET=as-xxxxxxxxxxxxxxxxxxxxxx',
        'POSTHOG_PERSONAL_API_KEY=phx_YOUR_PERSONAL_KEY_HERE',
        'NVIDIA_API_KEY=nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'DD_API_KEY=<DATADOG_API_KEY>',
        '',
      ].join('\n'),
    );
    repo.write('src/firmware.c', 'int fw_update_allowed = FW_THROTTLE_ALLOWED_REQ_STS;\n');
    repo.write('src/client.ts', "headers['x-api-key'] = process.env.API_KEY;\n");
    expect(scanJson().findings).toEqual([]);
  });

  it('keeps every vendor detector of this set in the registry', () => {
    const known = new Set(detectors.map((d) => d.id));
    expect(Object.keys(VENDOR_DETECTORS).filter((id) => !known.has(id))).toEqual([]);
  });
});
