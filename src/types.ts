// The data that flows through the engine (see docs/ARCHITECTURE.md, "How a finding flows").

import type { ProviderId } from './providers/registry.js';

/** How bad a finding is. critical/high/medium are errors; low is a warning; info is advice. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/**
 * How sure a finding is that the value is a real credential, from what its detector can check:
 * `high` — the value carries a checksum or signature the detector verified (a GitHub token's
 * CRC-32); `medium` — the value has its vendor's documented shape (a distinctive prefix, length
 * and alphabet); `low` — only the name beside it says it is a secret (the generic rule, or a vendor
 * whose keys have no prefix of their own). Ordered: `--min-confidence medium` keeps high and medium.
 */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * The group a finding reports: a provider of src/providers/registry.ts, `custom` for a repository's
 * own detectors, or `other` for vendors whose detectors were written before each vendor had a record
 * (GitLab, Sentry, Vault, …): there the detector id names the vendor.
 */
export type Provider = ProviderId | 'custom' | 'other';

/** A piece of text a source yields. The scanner never knows where it came from. */
export interface Fragment {
  /** Path relative to the scanned root, with forward slashes. */
  path: string;
  text: string;
  /** 1-based line number of the first line of `text` in the file. */
  startLine: number;
  /** For diff-based fragments: the line number of each line of `text` (added lines are not contiguous). */
  lineNumbers?: number[];
  /**
   * Characters of the first line that come before `text` (0 when unset): a piece of a long line
   * starts mid-line, and columns count from the line's start, not the piece's.
   */
  startColumn?: number;
  /**
   * A piece of a larger text carries some of its neighbours' text around its own, so a key near a
   * cut is seen whole: only secrets starting in [reportFrom, reportTo) are this piece's to report
   * (unset: the whole text), each of the others is reported by the piece that owns its start.
   */
  reportFrom?: number;
  reportTo?: number;
  commit?: string;
  author?: string;
  email?: string;
  date?: string;
}

/** What the scanner saw, with the secret still inside: never leaves the engine. */
export interface RawFinding {
  detector: string;
  secret: string;
  /** Offset of the secret in the fragment text. */
  index: number;
}

/** A finding as reported: the raw secret is gone, only its redacted form and HMAC fingerprint remain. */
export interface Finding {
  /** Detector id, `provider-kind`. */
  detector: string;
  provider: Provider;
  /** Human name of the key kind, e.g. "OpenAI project key". */
  keyKind: string;
  severity: Severity;
  /** How sure it is that the value is a real credential, from its detector (src/detectors/confidence-of.ts). */
  confidence: Confidence;
  path: string;
  line: number;
  column: number;
  endColumn: number;
  commit?: string;
  author?: string;
  email?: string;
  date?: string;
  /** HMAC-SHA-256 of detector and secret: stable across rebases, renames and squashes. */
  fingerprint: string;
  /** Provider prefix and the last 4 characters, never more. */
  redacted: string;
  /** Set when the secret was found inside a base64-encoded value. */
  decodedFrom?: 'base64';
  /**
   * Set by `scan --verify` (src/scan/verify-findings.ts) when the key's provider has a live check
   * for its kind: whether the provider still accepts it.
   */
  verification?: KeyVerification;
}

/**
 * What the key's own provider said of it: `live` (it works), `revoked` (refused) or `unknown`
 * (rate-limited, a redirect, no answer in time, any other answer). Unknown never hides a finding.
 */
export interface KeyVerification {
  status: 'live' | 'revoked' | 'unknown';
  /** What was asked and answered, e.g. "401 from GET https://api.openai.com/v1/models" — never the key. */
  detail: string;
}

/** Something the scan could not do, reported and skipped. */
export interface Notice {
  path: string;
  reason:
    | 'too-large'
    | 'binary'
    | 'unreadable'
    | 'symlink-outside'
    | 'submodule'
    | 'config'
    | 'gitignore'
    /** A git scan of a shallow clone: the history before its boundary commits was not there to read. */
    | 'shallow';
  message: string;
}

export interface ScanStats {
  files: number;
  bytes: number;
  commits: number;
  skipped: number;
  durationMs: number;
  /** The shallow clone's boundary commits a git scan stopped at (full SHAs); unset when none. */
  shallowBoundary?: string[];
  /**
   * Set when a bar above `low` was asked for (`--min-confidence`, `scan.min-confidence`): the bar,
   * and how many findings below it were dropped before fail decisions and reports (a count only).
   */
  belowConfidence?: { min: Confidence; hidden: number };
}

export interface ScanResult {
  findings: Finding[];
  notices: Notice[];
  stats: ScanStats;
}
