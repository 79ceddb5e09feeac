import { describe, expect, it } from 'vitest';
import { acceptedPermissions } from '../../../action/environments/accepted-permissions.js';
import { describeApiError } from '../../../action/environments/describe-api-error.js';

const refused = (status: number, headers: Record<string, string>, message = 'Resource not accessible by integration') =>
  Object.assign(new Error(message), { status, response: { headers } });

describe('acceptedPermissions', () => {
  it('reads the first set of X-Accepted-GitHub-Permissions', () => {
    expect(acceptedPermissions('actions=read')).toEqual([{ name: 'actions', level: 'read' }]);
    expect(acceptedPermissions('secrets=read,environments=read; metadata=read')).toEqual([
      { name: 'secrets', level: 'read' },
      { name: 'environments', level: 'read' },
    ]);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['a level GitHub does not have', 'actions=everything'],
    ['a log command smuggled in', 'actions=read\n::error::forged'],
    ['markdown in a name', 'actions=read,`x`=read'],
    ['too long to be GitHub', `${'a'.repeat(600)}=read`],
  ])('gives nothing for a header that is %s, so the advice stays generic', (_name, header) => {
    expect(acceptedPermissions(header)).toBeUndefined();
  });
});

describe('describeApiError', () => {
  it('derives the create-github-app-token inputs from the header', () => {
    const error = describeApiError(
      refused(403, { 'x-accepted-github-permissions': 'organization_secrets=read' }),
      'organisation secrets',
      'acme/app',
    );
    expect(error.message).toContain(
      'the token lacks Organization secrets: read (X-Accepted-GitHub-Permissions: organization_secrets=read)',
    );
    expect(error.message).toContain(
      'add `permission-organization-secrets: read` to its actions/create-github-app-token step',
    );
  });

  it('never echoes a header it cannot parse, and still gives the whole recipe', () => {
    const error = describeApiError(
      refused(403, { 'x-accepted-github-permissions': 'actions=read\n::error::forged' }),
      'environments',
      'acme/app',
    );
    expect(error.message).not.toContain('forged');
    expect(error.message).toContain(
      'permission-actions: read, permission-secrets: read, permission-environments: read, permission-dependabot-secrets: read',
    );
  });

  it('tells a spent rate limit (403 or 429) by x-ratelimit-remaining, with the reset time', () => {
    for (const status of [403, 429]) {
      const error = describeApiError(
        refused(
          status,
          {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': '1796000000',
            'x-accepted-github-permissions': 'secrets=read',
          },
          'API rate limit exceeded',
        ),
        'repository secrets',
        'acme/app',
      );
      expect(error.message).toBe(
        "cannot list repository secrets of acme/app: the token's API rate limit is spent until 2026-11-30T00:53:20Z; run the step again after that, or give this job a token of its own (an App installation token has its own hourly limit).",
      );
    }
    const unreadable = describeApiError(
      refused(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'soon' }),
      'environments',
      'acme/app',
    );
    expect(unreadable.message).toContain('spent until its reset, within the hour;');
  });

  it('tells a secondary rate limit that outlasted the retries', () => {
    const error = describeApiError(
      refused(403, { 'retry-after': '60' }, 'You have exceeded a secondary rate limit.'),
      'environments',
      'acme/app',
    );
    expect(error.message).toMatch(/secondary rate limit still refused it after the retries/);
  });
});
