import type { Judge } from './judge-context.js';

/**
 * Orphaned: the key's owner no longer has access to its project (or left the organisation), yet the
 * key still works — nobody who may use it is answerable for it. Names stay out of the sentence: the
 * `owner` field carries them, and each report shows them escaped.
 */
export const judgeOrphaned: Judge = (key) => {
  if (key.owner?.hasAccess !== false) return undefined;
  const where = key.project ? 'the project' : 'the organisation';
  return `Its owner no longer has access to ${where}, yet the key still works: delete it, and give whoever still needs one a key of their own.`;
};
