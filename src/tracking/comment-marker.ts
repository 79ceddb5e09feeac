import { findHiddenJson, parseJsonObject, renderHiddenJson, stringField } from './hidden-json.js';
import { TRACKED_STATES, type TrackedState } from './tracked-key.js';

const TAG = 'comment';

/** What a bot comment was for. Reminders and escalations count towards the reminder cadence. */
export type CommentKind = 'reminder' | 'escalation' | 'rotated' | 'resolved' | 'duplicate' | 'exempt' | 'reply';

const KINDS: readonly CommentKind[] = ['reminder', 'escalation', 'rotated', 'resolved', 'duplicate', 'exempt', 'reply'];

/**
 * The hidden note on every bot comment: which key it was about, why, and the key's state then.
 * With the comment's own `created_at`, it lets the planner see a reminder that was posted even
 * when the issue body's marker could not be updated afterwards (a crash, two sweeps at once).
 */
export interface CommentMarker {
  key: string;
  kind: CommentKind;
  state?: TrackedState;
  /** `reply` only: the id of the comment (a command) this one answers, so a redelivered webhook is answered once. */
  replyTo?: number;
}

export function renderCommentMarker(marker: CommentMarker): string {
  return renderHiddenJson(TAG, { key: marker.key, kind: marker.kind, state: marker.state, replyTo: marker.replyTo });
}

/** The comment's marker, or undefined (a human's comment, or one edited beyond reading). Never throws. */
export function parseCommentMarker(body: string | null | undefined): CommentMarker | undefined {
  const block = findHiddenJson(body ?? '', TAG);
  const data = block && parseJsonObject(block.json);
  if (!data) return undefined;
  const key = stringField(data, 'key');
  const kind = KINDS.find((k) => k === data.kind);
  if (!key || !kind) return undefined;
  const state = TRACKED_STATES.find((s) => s === data.state);
  const replyTo = typeof data.replyTo === 'number' && Number.isSafeInteger(data.replyTo) ? data.replyTo : undefined;
  return { key, kind, ...(state && { state }), ...(replyTo !== undefined && { replyTo }) };
}
