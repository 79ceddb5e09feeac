import { describe, expect, it } from 'vitest';
import { routeFamily } from '../../../app/metrics/route-family.js';

describe('routeFamily', () => {
  it.each([
    ['/repos/{owner}/{repo}/actions/secrets', '/repos/{owner}/{repo}/actions/secrets'],
    [
      'http://127.0.0.1:4000/api/v3/repos/acme/api/actions/secrets?per_page=100&page=2',
      '/repos/{owner}/{repo}/actions/secrets',
    ],
    ['/repos/{owner}/{repo}/issues/{issue_number}/comments', '/repos/{owner}/{repo}/issues/{number}/comments'],
    [
      'https://api.github.com/repositories/1296269/issues/42/comments?page=3',
      '/repositories/{repository_id}/issues/{number}/comments',
    ],
    [
      '/repos/acme/api/environments/production%20eu/secrets',
      '/repos/{owner}/{repo}/environments/{environment_name}/secrets',
    ],
    ['/repos/acme/api/issues/7/labels/key-hygiene%3Aoverdue', '/repos/{owner}/{repo}/issues/{number}/labels/{name}'],
    ['/repos/acme/api/contents/.github/key-hygiene.yml', '/repos/{owner}/{repo}/contents/{path}'],
    ['/repos/acme/api/compare/0123abc...fedc987', '/repos/{owner}/{repo}/compare/{basehead}'],
    ['/repos/acme/api/git/blobs/3f786850e387550fdab836ed7e6dc881de23001b', '/repos/{owner}/{repo}/git/blobs/{sha}'],
    [
      '/orgs/acme/actions/secrets/OPENAI_API_KEY/repositories',
      '/orgs/{org}/actions/secrets/{secret_name}/repositories',
    ],
    ['/app/installations/12/access_tokens', '/app/installations/{installation_id}/access_tokens'],
    ['/installation/repositories', '/installation/repositories'],
  ])('%s → %s', (url, family) => {
    expect(routeFamily(url)).toBe(family);
  });
});
