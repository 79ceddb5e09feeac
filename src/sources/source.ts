import type { Fragment, Notice } from '../types.js';

/**
 * What a scan reads: the working tree, a git history, an API's patches — the scan knows nothing of
 * where. A source hands its text over in one of two ways: as fragments it reads itself (a git diff,
 * a compare), or as files on disk that the scan reads and scans in worker threads, in chunks (the
 * tree: one thread reading fragments would cost most of the throughput). Adding a source is one
 * file implementing this, plus the place that chooses it (the CLI's flags, the Action's plan).
 */
export type Source = FragmentSource | FileSource;

/** A source that reads its own text and yields it as fragments, while the scan consumes them. */
export interface FragmentSource extends SourceCommon {
  /** Iterate once. Errors (git missing, an unknown revision, an API failure) reject the iteration. */
  fragments(filter?: FragmentFilter): AsyncIterable<Fragment>;
}

/**
 * What lets a source read less: text in which no detector keyword occurs cannot hold a key, so a
 * source may leave it undecoded and hand over only the rest. A source may ignore it.
 */
export interface FragmentFilter {
  /** Whether raw, undecoded bytes hold a detector keyword (ASCII case-insensitively). */
  mayHoldKey(bytes: Uint8Array): boolean;
  /** Told of the added text of `file` the source checked this way and left out, to count it as scanned. */
  skipped(file: { path: string; commit?: string }, bytes: number): void;
}

/** A source of files under a root folder, for the scan to read (size limits, binary checks) and scan. */
export interface FileSource extends SourceCommon {
  files(): Promise<SourceFiles>;
}

export interface SourceFiles {
  /** The folder the paths are relative to. */
  root: string;
  /** Paths relative to `root`, forward slashes. */
  paths: string[];
  /** What was left out on purpose (submodules, folders that could not be read). */
  notices: Notice[];
}

interface SourceCommon {
  /** Commits read so far: all of them once reading has ended (none for a source without commits). */
  commits?(): number;
  /** What the source says about itself rather than its text, asked once its text has been read. */
  facts?(): Promise<SourceFacts>;
}

export interface SourceFacts {
  /** `.env`-family files the source puts in git (tracked, or staged): each a hygiene finding unless allowed. */
  envFiles?: string[];
  /** About the source as a whole (a .gitignore that lets `.env` in, a shallow clone's end). */
  notices?: Notice[];
  /** The commits where a shallow clone's history ends, when it ends before the source does. */
  shallowBoundary?: string[];
}
