import { createHash } from 'node:crypto';
import type { EmulatorClock } from './clock.js';
import type { Store } from './store.js';
import type { RepoRecord, SecretScanningAlertRecord, SecretScanningLocationRecord } from './types.js';

type RepoLookup = (fullName: string) => RepoRecord;

export interface SecretScanningLocationSeed {
  path: string;
  startLine: number;
  commitSha: string;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
  blobSha?: string;
}

export interface SecretScanningAlertSeed {
  /** `owner/name`. */
  repo: string;
  /** GitHub's token type, e.g. `openai_api_key`. */
  secretType: string;
  /** Defaults to the type itself. */
  secretTypeDisplayName?: string;
  /** The raw value GitHub found (generate it at test time; never commit one). */
  secret: string;
  state?: SecretScanningAlertRecord['state'];
  resolution?: SecretScanningAlertRecord['resolution'];
  resolvedBy?: string;
  validity?: SecretScanningAlertRecord['validity'];
  /** Oldest first; the first is where GitHub saw the secret first. */
  locations?: SecretScanningLocationSeed[];
  createdAt?: Date;
}

/** A stand-in for the blob's object id: 40 hex characters, stable for a path in a commit. */
const blobShaOf = (commitSha: string, path: string): string =>
  createHash('sha1').update(`${commitSha}:${path}`).digest('hex');

function location(seed: SecretScanningLocationSeed): SecretScanningLocationRecord {
  return {
    path: seed.path,
    startLine: seed.startLine,
    endLine: seed.endLine ?? seed.startLine,
    startColumn: seed.startColumn ?? 1,
    endColumn: seed.endColumn ?? 1,
    blobSha: seed.blobSha ?? blobShaOf(seed.commitSha, seed.path),
    commitSha: seed.commitSha,
  };
}

/** Secret scanning alerts, numbered per repository as GitHub does. */
export function createSecretScanningSeeders(store: Store, clock: EmulatorClock, repoByName: RepoLookup) {
  return {
    secretScanningAlert: (seed: SecretScanningAlertSeed): SecretScanningAlertRecord => {
      const repo = repoByName(seed.repo);
      const createdAt = seed.createdAt ?? clock.now();
      const state = seed.state ?? 'open';
      const record: SecretScanningAlertRecord = {
        repoId: repo.id,
        number:
          store.secretScanningAlerts
            .filter((a) => a.repoId === repo.id)
            .reduce((max, a) => Math.max(max, a.number), 0) + 1,
        secretType: seed.secretType,
        secretTypeDisplayName: seed.secretTypeDisplayName ?? seed.secretType,
        secret: seed.secret,
        state,
        resolution: state === 'resolved' ? (seed.resolution ?? 'revoked') : null,
        resolvedBy: state === 'resolved' ? (seed.resolvedBy ?? 'octocat') : null,
        validity: seed.validity ?? 'unknown',
        locations: (seed.locations ?? []).map(location),
        createdAt,
        updatedAt: createdAt,
        resolvedAt: state === 'resolved' ? createdAt : null,
      };
      store.secretScanningAlerts.push(record);
      return record;
    },
  };
}
