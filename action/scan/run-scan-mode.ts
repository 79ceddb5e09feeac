import type { ActionSettings } from '../settings.js';

export async function runScanMode(_settings: ActionSettings): Promise<void> {
  throw new Error('runScanMode: being written');
}
