/** What the segment after each of these names stands for, and how many segments it takes. */
const NAMED: Record<string, { take: number; as: string[] }> = {
  repos: { take: 2, as: ['{owner}', '{repo}'] },
  repositories: { take: 1, as: ['{repository_id}'] },
  orgs: { take: 1, as: ['{org}'] },
  users: { take: 1, as: ['{username}'] },
  installations: { take: 1, as: ['{installation_id}'] },
  environments: { take: 1, as: ['{environment_name}'] },
  secrets: { take: 1, as: ['{secret_name}'] },
  variables: { take: 1, as: ['{name}'] },
  labels: { take: 1, as: ['{name}'] },
  teams: { take: 1, as: ['{team_slug}'] },
  memberships: { take: 1, as: ['{username}'] },
  collaborators: { take: 1, as: ['{username}'] },
  commits: { take: 1, as: ['{ref}'] },
  compare: { take: 1, as: ['{basehead}'] },
};

/**
 * The route template a request belongs to, for a metric label: `/repos/{owner}/{repo}/issues/{number}`.
 * Octokit hands hooks the template (`/repos/{owner}/{repo}/issues`) on a first request and the
 * absolute URL from the `Link` header on later pages (often `/repositories/{id}/…`); both come out
 * the same. No owner, repository, secret or label name, no query — nothing of a request's values
 * reaches a label, so neither a key nor a token ever can, and the label set stays small.
 */
export function routeFamily(url: string): string {
  const path = url
    .replace(/^[a-z]+:\/\/[^/]+/i, '')
    .replace(/[?#].*$/, '')
    .replace(/^\/api\/v3(?=\/)/, '');
  const segments = path.split('/').filter((s) => s !== '');
  const out: string[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    if (segment === 'contents') {
      out.push(segment, ...(i + 1 < segments.length ? ['{path}'] : []));
      break;
    }
    out.push(
      /^\d+$/.test(segment) || /^\{.*\}$/.test(segment)
        ? '{number}'
        : /^[0-9a-f]{7,40}$/.test(segment)
          ? '{sha}'
          : segment,
    );
    const named = NAMED[segment];
    if (!named) continue;
    const taken = segments.slice(i + 1, i + 1 + named.take);
    out.push(...named.as.slice(0, taken.length));
    i += taken.length;
  }
  return `/${out.join('/')}`;
}
