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
  fragments(): AsyncIterable<Fragment>;
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
