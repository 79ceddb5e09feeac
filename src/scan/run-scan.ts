import type { Config } from '../policy/config-schema.js';
import { parseSize } from '../policy/duration.js';
import { compilePathGlobs } from '../policy/path-glob.js';
import type { FileSource, FragmentFilter, FragmentSource, Source } from '../sources/source.js';
import type { ScanResult } from '../types.js';
import { envFileFinding } from './hygiene.js';
import { keywordFilter } from './keyword-filter.js';
import type { BatchResult } from './scan-files.js';
import { scanTreeFiles } from './scan-tree-files.js';
import { createScannerForConfig } from './scanner-for-config.js';

export interface ScanRequest {
  /** What to read: the tree, a git history, an API's patches (src/sources/source.ts). */
  source: Source;
  config: Config;
  /** Overrides the config's `scan.max-file-size`. */
  maxFileSize?: number;
  workers?: number;
  /** Called as work completes, for a progress line. */
  onProgress?: (progress: { files: number; bytes: number; commits: number }) => void;
  /** Given each reported secret's raw value, to mask it (see ScannerOptions.onSecret). Never print it. */
  onSecret?: (secret: string, detector: string) => void;
}

/** Runs one scan: the text of the source, every detector the config asks for, hygiene checks. */
export async function runScan(request: ScanRequest): Promise<ScanResult> {
  const started = performance.now();
  const { source, config } = request;
  const allowed = compilePathGlobs(config.scan.allow.paths);
  const outcome =
    'files' in source ? await scanFiles(source, allowed, request) : await scanFragments(source, allowed, request);
  const facts = (await source.facts?.()) ?? {};
  for (const path of facts.envFiles ?? []) if (!allowed(path)) outcome.findings.push(envFileFinding(path));
  outcome.notices.push(...(facts.notices ?? []));
  const shallowBoundary = facts.shallowBoundary;
  return {
    findings: outcome.findings,
    notices: outcome.notices,
    stats: {
      files: outcome.files,
      bytes: outcome.bytes,
      commits: source.commits?.() ?? 0,
      skipped: outcome.notices.filter((n) => n.reason !== 'gitignore' && n.reason !== 'shallow').length,
      durationMs: Math.round(performance.now() - started),
      ...(shallowBoundary?.length && { shallowBoundary }),
    },
  };
}

/** Files on disk: read and scanned in worker threads (scanTreeFiles), one finding per key per file. */
async function scanFiles(
  source: FileSource,
  allowed: (path: string) => boolean,
  request: ScanRequest,
): Promise<BatchResult> {
  const { config } = request;
  const listing = await source.files();
  const paths = listing.paths.filter((p) => !allowed(p));
  const progress = { files: 0, bytes: 0, commits: 0 };
  const scanned = await scanTreeFiles(paths, {
    root: listing.root,
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
  return { ...scanned, notices: [...listing.notices, ...scanned.notices] };
}

/** Fragments the source reads itself, scanned as they come. */
async function scanFragments(
  source: FragmentSource,
  allowed: (path: string) => boolean,
  request: ScanRequest,
): Promise<BatchResult> {
  const scan = createScannerForConfig(request.config, request.onSecret);
  const out: BatchResult = { findings: [], notices: [], files: 0, bytes: 0 };
  const files = new Set<string>();
  // Text with no keyword is left undecoded by a source that can tell (a git log); it counts as scanned.
  const mayHoldKey = keywordFilter(request.config);
  const filter: FragmentFilter | undefined = mayHoldKey && {
    mayHoldKey,
    skipped(file, bytes) {
      if (allowed(file.path)) return;
      files.add(`${file.commit ?? ''}:${file.path}`);
      out.bytes += bytes;
    },
  };
  for await (const fragment of source.fragments(filter)) {
    if (allowed(fragment.path)) continue;
    files.add(`${fragment.commit ?? ''}:${fragment.path}`);
    out.bytes += (fragment.reportTo ?? fragment.text.length) - (fragment.reportFrom ?? 0); // the shared context counts once
    for (const f of scan(fragment)) out.findings.push(f);
    request.onProgress?.({ files: files.size, bytes: out.bytes, commits: source.commits?.() ?? 0 });
  }
  out.files = files.size;
  return out;
}
