import {
  dateField,
  findHiddenJson,
  findIssueMarker,
  parseJsonObject,
  renderHiddenJson,
  stringField,
} from './hidden-json.js';
import type { SecretScope } from '../inventory/inventory.js';
import { TRACKED_STATES, type TrackedKey, type TrackedState } from './tracked-key.js';

const TAG = 'key';
const SCOPES: readonly SecretScope[] = ['org', 'repo', 'environment', 'dependabot'];

/** Who snoozed a key's reminders, until when and why. */
export interface Snooze {
  /** ISO time the reminders resume. */
  until: string;
  /** GitHub login. */
  by: string;
  reason: string;
}

/** Who stopped tracking a key, when and why. */
export interface Exemption {
  by: string;
  reason: string;
  /** ISO time. */
  at: string;
}

/**
 * The state a key issue carries in its body — GitHub is the app's only store (docs/ARCHITECTURE.md).
 * Everything but `key` is optional: a marker that lost a field is read as "not known".
 */
export interface KeyMarker {
  /** `keyId(…)`: how an issue is matched to its key — never by title. */
  key: string;
  /** The secret's name, scope and environment as the policy spells them (the id is lower-cased), for comments. */
  secret?: string;
  scope?: SecretScope;
  environment?: string;
  /** What the issue last said about the key. */
  state?: TrackedState;
  /** The secret's `updated_at` when the issue last looked (ISO); a later one means it was rotated. */
  updatedAt?: string;
  /** When the key is due for rotation (ISO), for `/status`. */
  dueAt?: string;
  /** When the issue was opened for this problem (ISO): escalation of shared/missing keys counts from here. */
  since?: string;
  /** When the bot last reminded (the opening counts), ISO. */
  lastReminderAt?: string;
  /** The owners were escalated to `escalate-to` once; never again for this issue. */
  escalated?: boolean;
  snooze?: Snooze;
  exemption?: Exemption;
}

/** The marker as a hidden HTML comment, `<!-- key-hygiene:key {…} -->`, fields in a fixed order. */
export function renderKeyMarker(marker: KeyMarker): string {
  const {
    key,
    secret,
    scope,
    environment,
    state,
    updatedAt,
    dueAt,
    since,
    lastReminderAt,
    escalated,
    snooze,
    exemption,
  } = marker;
  return renderHiddenJson(TAG, {
    v: 1,
    key,
    secret,
    scope,
    environment,
    state,
    updatedAt,
    dueAt,
    since,
    lastReminderAt,
    escalated,
    snooze,
    exemption,
  });
}

/**
 * The marker in an issue body, or undefined when there is none. Never throws: users edit bodies.
 * Broken JSON whose key id can still be read gives `{ key }` — the issue stays matched to its
 * key but carries no state; a field of the wrong type is dropped on its own.
 */
export function parseKeyMarker(body: string | null | undefined): KeyMarker | undefined {
  const block = findIssueMarker(body ?? '', TAG);
  if (!block) return undefined;
  const data = parseJsonObject(block.json);
  if (!data) {
    const key = /"key"\s{0,4}:\s{0,4}"([^"\\]{1,500})"/.exec(block.json)?.[1];
    return key ? { key } : undefined;
  }
  const key = stringField(data, 'key');
  if (!key) return undefined;
  return compact({
    key,
    secret: stringField(data, 'secret', 255),
    scope: SCOPES.find((s) => s === data.scope),
    environment: stringField(data, 'environment', 255),
    state: TRACKED_STATES.find((s) => s === data.state),
    updatedAt: dateField(data, 'updatedAt'),
    dueAt: dateField(data, 'dueAt'),
    since: dateField(data, 'since'),
    lastReminderAt: dateField(data, 'lastReminderAt'),
    escalated: data.escalated === true ? true : undefined,
    snooze: readSnooze(data.snooze),
    exemption: readExemption(data.exemption),
  });
}

/** `body` with its marker replaced by `marker` (appended when it has none); the rest is kept as the user left it. */
export function replaceKeyMarker(body: string, marker: KeyMarker): string {
  const rendered = renderKeyMarker(marker);
  const block = findHiddenJson(body, TAG);
  if (!block) return `${body.replace(/\s+$/, '')}\n\n${rendered}\n`;
  return body.slice(0, block.start) + rendered + body.slice(block.end);
}

/** Two markers say the same thing (the planner only rewrites a body when they differ). */
export function sameKeyMarker(a: KeyMarker | undefined, b: KeyMarker | undefined): boolean {
  return (a ? renderKeyMarker(a) : '') === (b ? renderKeyMarker(b) : '');
}

/** The marker's fields that name the key, from a tracked key. */
export function markerIdentity(key: TrackedKey): Pick<KeyMarker, 'secret' | 'scope' | 'environment'> {
  return {
    secret: key.secret,
    scope: key.scope,
    ...(key.environment !== undefined && { environment: key.environment }),
  };
}

function readSnooze(value: unknown): Snooze | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const data = value as Record<string, unknown>;
  const until = dateField(data, 'until');
  const by = stringField(data, 'by', 100);
  return until && by !== undefined ? { until, by, reason: stringField(data, 'reason') ?? '' } : undefined;
}

function readExemption(value: unknown): Exemption | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const data = value as Record<string, unknown>;
  const at = dateField(data, 'at');
  const by = stringField(data, 'by', 100);
  return at && by !== undefined ? { by, reason: stringField(data, 'reason') ?? '', at } : undefined;
}

function compact(marker: KeyMarker): KeyMarker {
  return Object.fromEntries(Object.entries(marker).filter(([, v]) => v !== undefined)) as unknown as KeyMarker;
}
