import type { Detector } from './detector.js';
import { openaiAdminKey, openaiProjectKey, openaiServiceAccountKey, openaiUserKey } from './openai.js';

/** Every built-in detector, in one explicit list sorted by id (STYLE.md §3). */
export const detectors: readonly Detector[] = [
  openaiAdminKey,
  openaiProjectKey,
  openaiServiceAccountKey,
  openaiUserKey,
].sort((a, b) => a.id.localeCompare(b.id));
