import type { ActionSettings } from '../settings.js';

export async function runVerifyMode(_settings: ActionSettings): Promise<void> {
  throw new Error('runVerifyMode: being written');
}
