import type { ActionSettings } from '../settings.js';

export async function runCompareMode(_settings: ActionSettings): Promise<void> {
  throw new Error('runCompareMode: being written');
}
