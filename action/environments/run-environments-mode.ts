import type { ActionSettings } from '../settings.js';

export async function runEnvironmentsMode(_settings: ActionSettings): Promise<void> {
  throw new Error('runEnvironmentsMode: being written');
}
