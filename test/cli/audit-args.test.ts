import { describe, expect, it } from 'vitest';
import { parseHeldKeys } from '../../src/audit/parse-held-keys.js';
import { USAGE, parseCliArgs } from '../../src/cli/parse-args.js';
import { main } from '../../src/cli.js';

const parse = (...argv: string[]) => parseCliArgs(argv, { isTTY: false, noColor: true });

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith({}, ...argv);
}

async function cliWith(env: Record<string, string>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env,
  });
  return { code, stdout, stderr };
}

describe('key-hygiene audit: arguments', () => {
  it('takes one provider and the audit options', () => {
    expect(
      parse(
        'audit',
        'anthropic',
        '--base-url',
        'http://127.0.0.1:1',
        '--held-keys',
        'held.txt',
        '-f',
        'sarif',
        '-o',
        'a.sarif',
        '-c',
        'p.yml',
      ),
    ).toMatchObject({
      command: 'audit',
      format: 'sarif',
      output: 'a.sarif',
      config: 'p.yml',
      audit: { provider: 'anthropic', baseUrl: 'http://127.0.0.1:1', heldKeys: 'held.txt' },
    });
  });

  it('refuses a provider without an admin API, a missing or second provider, and scan options, in one line', async () => {
    for (const [argv, message] of [
      [['audit'], 'expected one provider, openai or anthropic: key-hygiene audit openai'],
      [['audit', 'stripe'], 'expected one provider, openai or anthropic: key-hygiene audit openai (got stripe)'],
      [
        ['audit', 'openai', 'anthropic'],
        'expected one provider, openai or anthropic: key-hygiene audit openai (got openai anthropic)',
      ],
      [['audit', 'openai', '--history'], '--history is an option of key-hygiene scan, not of audit'],
      [['scan', '.', '--held-keys', 'x'], '--held-keys is an option of key-hygiene audit, not of scan'],
      [['audit', 'openai', '--format', 'html'], "--format 'html' is not one of text, json, sarif"],
    ] as const) {
      const run = await cli(...argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`key-hygiene: ${message}\nRun 'key-hygiene --help' for usage.\n`);
    }
  });

  it('a base URL that is no http(s) URL is refused naming where it came from', async () => {
    const run = await cli('audit', 'openai', '--base-url', 'file:///etc/passwd');
    expect(run.code).toBe(2);
    // No admin key is set: that is said first, before any URL is looked at.
    expect(run.stderr).toBe(
      "key-hygiene: OPENAI_ADMIN_KEY is not set: set it to an OpenAI admin key to audit OpenAI's keys\n",
    );
  });

  it('--help shows the audit', () => {
    expect(USAGE).toContain('key-hygiene audit openai|anthropic');
    expect(USAGE).toContain('--base-url URL');
    expect(USAGE).toContain('--held-keys FILE');
  });
});

describe('parseHeldKeys', () => {
  it('reads ids from a list, a JSON array, or the verify jobs’ needs', () => {
    expect([...parseHeldKeys('# held\nkey_a, key_b\n\nkey_c # prod\n', 'f')]).toEqual(['key_a', 'key_b', 'key_c']);
    expect([...parseHeldKeys('["key_a", "key_b"]', 'f')]).toEqual(['key_a', 'key_b']);
    expect([
      ...parseHeldKeys(
        JSON.stringify({ prod: { result: 'success', outputs: { 'key-id': 'key_a' } }, dev: { outputs: {} } }),
        'f',
      ),
    ]).toEqual(['key_a']);
  });

  it('refuses what is not such a list, naming the source', () => {
    expect(() => parseHeldKeys('{nope', "input 'held-keys'")).toThrow("input 'held-keys': not valid JSON");
    expect(() => parseHeldKeys('[1, 2]', 'held.json')).toThrow('held.json: expected an array of key ids');
    expect(() => parseHeldKeys('x'.repeat(300), 'held.txt')).toThrow('held.txt: a key id of 300 characters');
    expect(() => parseHeldKeys('k '.repeat(10_001), 'held.txt')).toThrow('held.txt: 10001 key ids, more than 10000');
  });
});
