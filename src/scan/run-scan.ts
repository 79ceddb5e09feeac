import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Config } from '../policy/config-schema.js';
import { parseSize } from '../policy/duration.js';
import { compilePathGlobs } from '../policy/path-glob.js';
import { streamGitFragments, type GitSourceRequest } from '../sources/git.js';
import { shallowBoundary } from '../sources/shallow-boundary.js';
import { gitignoreCoversEnv, listTreeFiles, stagedEnvFiles, trackedEnvFiles, type TreeListing } from '../sources/tree.js';
import type { Finding, Notice, ScanResult } from '../types.js';
import { envFileFinding } from './hygiene.js';
import type { BatchResult } from './scan-files.js';
import { scanTreeFiles } from './scan-tree-files.js';
import { createScannerForConfig } from './scanner-for-config.js';

export type ScanMode = 'tree' | 'staged' | 'range' | 'history' | 'commits';

export interface ScanRequest {
  root: string;
  mode: ScanMode;
  /** `A..B`, for mode range. */
  range?: string;
  /** For mode commits: scan what `include` reaches and `exclude` does not (full SHAs). */
  commits?: { include: string[]; exclude: string[] };
  config: Config;
  /** Overrides the config's `scan.max-file-size`. */
  maxFileSize?: number;
  workers?: number;
  /** Called as work completes, for a progress line. */
  onProgress?: (progress: { files: number; bytes: number; commits: number }) => void;
  /** Given each reported secret's raw value, to mask it (see ScannerOptions.onSecret). Never print it. */
  onSecret?: (secret: string) => void;
}

/** Runs one scan: the source the mode names, every detector the config asks for, hygiene checks. */
export async function runScan(request: ScanRequest): Promise<ScanResult> {
  const started = performance.now();
  const outcome = request.mode === 'tree' ? await scanTree(request) : await scanGit(request);
  return {
    findings: outcome.findings,
    notices: outcome.notices,
    stats: {
      files: outcome.files,
      bytes: outcome.bytes,
      commits: outcome.commits,
      skipped: outcome.notices.filter((n) => n.reason !== 'gitignore' && n.reason !== 'shallow').length,
      durationMs: Math.round(performance.now() - started),
      ...(outcome.shallowBoundary?.length && { shallowBoundary: outcome.shallowBoundary }),
    },
  };
}

type Outcome = BatchResult & { commits: number; shallowBoundary?: string[] };

/** A single file named as the path to scan: its folder is the root, and it is the only file. */
async function listTarget(path: string): Promise<TreeListing & { root: string }> {
  if ((await stat(path)).isFile()) return { root: dirname(path), paths: [basename(path)], notices: [], git: false };
  return { root: path, ...(await listTreeFiles(path)) };
}

async function scanTree(request: ScanRequest): Promise<Outcome> {
  const { config } = request;
  const allowed = compilePathGlobs(config.scan.allow.paths);
  const listing = await listTarget(request.root);
  const root = listing.root;
  const paths = listing.paths.filter((p) => !allowed(p));
  const progress = { files: 0, bytes: 0, commits: 0 };
  const scanned = await scanTreeFiles(paths, {
    root,
    config,
    maxBytes: request.maxFileSize ?? parseSize(String(config.scan['max-file-size']))!,
    ...(request.workers !== undefined && { workers: request.workers }),
    ...(request.onSecret && { onSecret: request.onSecret }),
    onProgress: (r) => {
      progress.files += r.files;
      progress.bytes += r.bytes;
      request.onProgress?.(progress);
    },
  });
  const notices: Notice[] = [...listing.notices, ...scanned.notices];
  const findings: Finding[] = [...scanned.findings];
  if (listing.git) {
    for (const path of await trackedEnvFiles(root)) if (!allowed(path)) findings.push(envFileFinding(path));
    if (!(await gitignoreCoversEnv(root))) {
      notices.push({ path: '.gitignore', reason: 'gitignore', message: '.gitignore does not cover .env: add `.env*` (and `!.env.example`) so local keys never get committed' });
    }
  }
  return { ...scanned, findings, notices, commits: 0 };
}

function gitRequest(request: ScanRequest): GitSourceRequest {
  switch (request.mode) {
    case 'range':
      return { mode: 'range', range: request.range! };
    case 'commits':
      return { mode: 'commits', ...request.commits! };
    default:
      return { mode: request.mode as 'staged' | 'history' };
  }
}

async function scanGit(request: ScanRequest): Promise<Outcome> {
  const { root, config, mode } = request;
  const allowed = compilePathGlobs(config.scan.allow.paths);
  const scan = createScannerForConfig(config, request.onSecret);
  const out: Outcome = { findings: [], notices: [], files: 0, bytes: 0, commits: 0 };
  const source = gitRequest(request);
  const stream = streamGitFragments(root, source);
  const files = new Set<string>();
  for await (const fragment of stream.fragments) {
    if (allowed(fragment.path)) continue;
    files.add(`${fragment.commit ?? ''}:${fragment.path}`);
    out.bytes += (fragment.reportTo ?? fragment.text.length) - (fragment.reportFrom ?? 0); // the shared context counts once
    for (const f of scan(fragment)) out.findings.push(f);
    out.commits = stream.commits();
    request.onProgress?.({ files: files.size, bytes: out.bytes, commits: out.commits });
  }
  if (mode === 'staged') {
    for (const path of await stagedEnvFiles(root)) if (!allowed(path)) out.findings.push(envFileFinding(path));
  }
  out.files = files.size;
  out.commits = stream.commits();
  // A shallow clone's history ends early without a word from git: say so, or "No keys found" would claim it all.
  const boundary = await shallowBoundary(root, source);
  if (boundary.length > 0) {
    out.notices.push(shallowNotice(boundary));
    out.shallowBoundary = boundary;
  }
  return out;
}

function shallowNotice(boundary: readonly string[]): Notice {
  const shown = boundary.slice(0, 3).map((sha) => sha.slice(0, 7)).join(', ');
  const more = boundary.length > 3 ? ` and ${boundary.length - 3} more` : '';
  return { path: '', reason: 'shallow', message: `shallow clone: history before ${shown}${more} not scanned; fetch it with \`git fetch --unshallow\`` };
}
