import { pathToFileURL } from 'node:url';
import type { Log, Notification, Result, Run } from 'sarif';
import type { Detector } from '../detectors/detector.js';
import type { Finding, Notice, ScanResult } from '../types.js';
import { toPublicFinding } from './public-finding.js';
import { describeVerification } from './describe-verification.js';
import { buildSarifRules } from './sarif-rules.js';
import { SARIF_LEVEL } from './sarif-severity.js';
import { toSarifUri } from './sarif-uri.js';
import { sortFindings } from './sort-findings.js';
import { sortNotices } from './sort-notices.js';

export interface SarifOptions {
  /** The detectors that ran: each becomes a rule, whether or not it found anything. */
  detectors: readonly Detector[];
  /** key-hygiene's own version (package.json), shown by code scanning as the tool version. */
  toolVersion: string;
  /** Absolute path of the scanned root; when given, `%SRCROOT%` is declared as its file URL. */
  root?: string;
  /** Where a reader learns about the tool. */
  informationUri?: string;
}

const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const DEFAULT_INFORMATION_URI = 'https://www.npmjs.com/package/key-hygiene';
const SRCROOT = '%SRCROOT%';

/**
 * The key name under partialFingerprints. GitHub de-duplicates alerts across runs with it
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#providing-data-to-track-code-scanning-alerts-across-runs);
 * the `/v1` changes if the fingerprint recipe ever does, so old and new alerts don't collide.
 */
const FINGERPRINT_KEY = 'keyHygiene/v1';

/** The scan as a SARIF 2.1.0 log: one run, a rule per detector, a result per finding, notices as notifications. */
export function buildSarifLog(result: ScanResult, options: SarifOptions): Log {
  const findings = sortFindings(result.findings).map(toPublicFinding);
  const rules = buildSarifRules(options.detectors, findings);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const run: Run = {
    tool: {
      driver: {
        name: 'key-hygiene',
        informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
        version: options.toolVersion,
        semanticVersion: options.toolVersion,
        rules,
      },
    },
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: sortNotices(result.notices).map(toNotification),
        properties: { ...result.stats },
      },
    ],
    columnKind: 'utf16CodeUnits',
    results: findings.map((f) => toResult(f, ruleIndex.get(f.detector) ?? 0)),
  };
  // Trailing slash: SARIF 2.1.0 (section 3.14.14) wants base URIs to end in "/" so relative URIs resolve under them.
  if (options.root)
    run.originalUriBaseIds = { [SRCROOT]: { uri: pathToFileURL(`${options.root.replace(/\/+$/, '')}/`).href } };
  return { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/** The SARIF log as text, two-space indented, ending in a newline. */
export function renderSarif(result: ScanResult, options: SarifOptions): string {
  return `${JSON.stringify(buildSarifLog(result, options), null, 2)}\n`;
}

function toResult(f: Finding, ruleIndex: number): Result {
  const result: Result = {
    ruleId: f.detector,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: describeFinding(f) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toSarifUri(f.path), uriBaseId: SRCROOT },
          region: { startLine: f.line, startColumn: f.column, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
  };
  result.properties = historyProperties(f);
  return result;
}

/** "OpenAI project key sk-proj-…wxyz in commit 1a2b3c4d5e6f." — the redacted form only, never the key. */
function describeFinding(f: Finding): string {
  const where = f.commit ? ` in commit ${f.commit.slice(0, 12)}` : '';
  const encoded = f.decodedFrom === 'base64' ? ' (inside a base64 value)' : '';
  const live = f.verification ? ` ${describeVerification(f.verification)}.` : '';
  return `${f.keyKind} ${f.redacted}${encoded}${where}.${live}`;
}

/**
 * How sure the finding is, and where a history finding came from. The author's email stays out: SARIF
 * is uploaded to code scanning and kept there, and the commit id leads to it for anyone allowed to see it.
 */
function historyProperties(f: Finding): Result['properties'] {
  const p: Record<string, string> = { confidence: f.confidence };
  if (f.commit) p.commit = f.commit;
  if (f.author) p.author = f.author;
  if (f.date) p.date = f.date;
  if (f.decodedFrom) p.decodedFrom = f.decodedFrom;
  // `scan --verify`: whether the provider still accepts the key (live, revoked or unknown), and what it answered.
  if (f.verification) {
    p.keyStatus = f.verification.status;
    p.keyStatusDetail = f.verification.detail;
  }
  return p;
}

/** Skipped files and config problems are not results: SARIF calls them tool execution notifications. */
function toNotification(n: Notice): Notification {
  const notification: Notification = {
    level: n.reason === 'unreadable' || n.reason === 'config' ? 'warning' : 'note',
    message: { text: n.message },
    descriptor: { id: n.reason },
  };
  if (n.path) {
    notification.locations = [
      { physicalLocation: { artifactLocation: { uri: toSarifUri(n.path), uriBaseId: SRCROOT } } },
    ];
  }
  return notification;
}
