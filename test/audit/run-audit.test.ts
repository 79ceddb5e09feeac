import { describe, expect, it } from 'vitest';
import { auditPolicyFor } from '../../src/audit/audit-policy.js';
import { AdminApiError } from '../../src/audit/provider-admin.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { fakeAdmin } from './fake-admin.js';
import { adminKey, daysAgo, hourly, NOW, projectKey, usageOf } from './fixtures.js';

const policy = auditPolicyFor(defaultConfig, 'openai');
const keys = [
  projectKey('spike', { createdAt: daysAgo(60) }),
  projectKey('old', { createdAt: daysAgo(200) }),
  projectKey('gone', { status: 'inactive' }),
  adminKey('admin'),
];

describe('runAudit', () => {
  it('judges the inventory and the trailing week and a day of usage at now', async () => {
    const admin = fakeAdmin(keys, usageOf({ spike: hourly(2, 500) }));
    const result = await runAudit({ admin, policy, now: NOW });
    expect(admin.asked).toEqual([['2026-11-25T12:00:00.000Z', '2026-12-03T12:00:00.000Z']]);
    expect(result.provider).toBe('openai');
    expect(result.keys.map((k) => k.id)).toEqual(['gone', 'old', 'spike', 'admin']);
    expect(result.findings.map((f) => `${f.keyId}:${f.problem}`)).toEqual(['old:overdue', 'spike:usage-spike']);
    expect(result).not.toHaveProperty('usageError');
    expect(result).not.toHaveProperty('notHeld');
  });

  it('usage failing: the inventory’s findings stand, with the reason', async () => {
    const admin = fakeAdmin(keys, new AdminApiError('OPENAI_ADMIN_KEY was refused: 403 Forbidden', 403));
    const result = await runAudit({ admin, policy, now: NOW });
    expect(result.findings.map((f) => `${f.keyId}:${f.problem}`)).toEqual(['old:overdue']);
    expect(result.usageError).toBe('OPENAI_ADMIN_KEY was refused: 403 Forbidden');
  });

  it('held key ids given: the active project keys no environment holds are listed', async () => {
    const result = await runAudit({
      admin: fakeAdmin(keys, usageOf({})),
      policy,
      now: NOW,
      heldKeyIds: new Set(['old']),
    });
    expect(result.notHeld?.map((k) => k.id)).toEqual(['spike']);
  });

  it('listing the keys failing fails the audit', async () => {
    const admin = fakeAdmin(keys, usageOf({}));
    admin.listKeys = async () => {
      throw new AdminApiError('OPENAI_ADMIN_KEY was refused: 401 Unauthorized', 401);
    };
    await expect(runAudit({ admin, policy, now: NOW })).rejects.toThrow('OPENAI_ADMIN_KEY was refused: 401');
  });
});
