import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Far past any run's honest length on a busy machine; only a hang reaches it. */
const HANG_MS = 240_000;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** Lines the runner would mask (`::add-mask::`), i.e. what core.setSecret was given. */
  masked: string[];
}

export interface ActionRunOptions {
  workspace: string;
  eventName: string;
  payload: object;
  inputs?: Record<string, string>;
  /** Extra environment (e.g. the key for verify mode, GITHUB_API_URL for the emulator). */
  env?: Record<string, string>;
  repository?: string;
  sha?: string;
  ref?: string;
}

/**
 * Runs the bundled dist/index.js the way a GitHub runner does: inputs as INPUT_* with action.yml's
 * defaults filled in, the payload in GITHUB_EVENT_PATH, outputs and the job summary in the files
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY name, workflow commands on stdout.
 */
export function runAction(options: ActionRunOptions): ActionRun {
  const run = prepareRun(options);
  try {
    // A run that hangs (hostile input the Action failed to bound) ends as a failure, not a stuck suite.
    const child = spawnSync(process.execPath, [run.bundle], {
      cwd: options.workspace,
      env: run.env,
      encoding: 'utf8',
      timeout: HANG_MS,
    });
    return collect(run, child.status, child.stdout, child.stderr);
  } finally {
    rmSync(run.temp, { recursive: true, force: true });
  }
}

/**
 * The same, without blocking the test's event loop: for actions that call a server the test itself
 * runs (the GitHub API emulator, a provider stand-in), which spawnSync would starve.
 */
export async function runActionAsync(options: ActionRunOptions): Promise<ActionRun> {
  const run = prepareRun(options);
  try {
    const child = spawn(process.execPath, [run.bundle], { cwd: options.workspace, env: run.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
    return collect(run, code, stdout, stderr);
  } finally {
    rmSync(run.temp, { recursive: true, force: true });
  }
}

interface PreparedRun {
  temp: string;
  files: { event: string; output: string; summary: string; state: string };
  env: NodeJS.ProcessEnv;
  bundle: string;
}

function prepareRun(options: ActionRunOptions): PreparedRun {
  const temp = mkdtempSync(join(tmpdir(), 'kh-runner-'));
  const files = {
    event: join(temp, 'event.json'),
    output: join(temp, 'output'),
    summary: join(temp, 'summary'),
    state: join(temp, 'state'),
  };
  writeFileSync(files.event, JSON.stringify(options.payload));
  for (const f of [files.output, files.summary, files.state]) writeFileSync(f, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...inputEnv(options.inputs ?? {}),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: options.repository ?? 'acme/app',
    GITHUB_SHA: options.sha ?? '',
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9/api-not-set',
    RUNNER_TEMP: temp,
    ...options.env,
  };
  // KH_ACTION_BUNDLE lets a developer test a bundle built elsewhere (e.g. dist-mine/index.js).
  const bundle = process.env.KH_ACTION_BUNDLE ?? join(ROOT, 'dist/index.js');
  return { temp, files, env, bundle };
}

function collect(run: PreparedRun, code: number | null, stdout: string, stderr: string): ActionRun {
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(run.files.output, 'utf8')),
    summary: readFileSync(run.files.summary, 'utf8'),
    annotations: parseAnnotations(stdout),
    masked: stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length)),
  };
}

/** INPUT_<NAME> for every input, action.yml's default where the test gives none (as the runner does). */
function inputEnv(given: Record<string, string>): Record<string, string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value =
      given[name] ?? String(spec.default ?? '').replace('${{ github.token }}', 'ghs_runner_token_not_for_secrets');
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

/** The GITHUB_OUTPUT file: `name<<DELIMITER\nvalue\nDELIMITER` blocks, or `name=value` lines. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      const [name, ...value] = lines[i]!.split('=');
      outputs[name!] = value.join('=');
    }
  }
  return outputs;
}

function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const [k, ...v] = pair.split('=');
      properties[k!] = unescape(v.join('='));
    }
    out.push({ level: m[1]!, properties, message: unescape(m[3]!) });
  }
  return out;
}

// Workflow-command escaping (@actions/core toCommandValue / escapeProperty).
function unescape(s: string): string {
  return s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}
