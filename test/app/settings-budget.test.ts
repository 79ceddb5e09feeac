import { describe, expect, it } from 'vitest';
import { readSettings } from '../../app/settings.js';

describe('readSettings: the budget and the metrics port', () => {
  it('reads KEY_HYGIENE_BUDGET_SHARE and KEY_HYGIENE_METRICS_PORT; absent, neither is set (the share defaults to 0.5 where it is used)', () => {
    expect(readSettings({ KEY_HYGIENE_BUDGET_SHARE: '0.25', KEY_HYGIENE_METRICS_PORT: '9464' })).toMatchObject({
      budgetShare: 0.25,
      metricsPort: 9464,
    });
    expect(readSettings({ KEY_HYGIENE_BUDGET_SHARE: '1' }).budgetShare).toBe(1);
    const plain = readSettings({});
    expect('budgetShare' in plain || 'metricsPort' in plain).toBe(false);
  });

  it.each([['0'], ['1.5'], ['half'], ['-0.5']])('refuses a share of "%s" in one line that quotes it', (value) => {
    expect(() => readSettings({ KEY_HYGIENE_BUDGET_SHARE: value })).toThrow(
      `KEY_HYGIENE_BUDGET_SHARE is "${value}": expected a number above 0 and at most 1, such as 0.5`,
    );
  });

  it.each([['metrics'], ['0'], ['70000'], ['94.5']])('refuses a metrics port of "%s"', (value) => {
    expect(() => readSettings({ KEY_HYGIENE_METRICS_PORT: value })).toThrow(
      `KEY_HYGIENE_METRICS_PORT is "${value}": expected a port number from 1 to 65535`,
    );
  });
});
