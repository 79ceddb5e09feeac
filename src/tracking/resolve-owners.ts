/** Who is responsible for the repository's keys, as the adapter found them. */
export interface OwnerSources {
  /** Owners the repository's CODEOWNERS file names for the whole repository (`*`), in file order. */
  codeowners?: string[];
  /** Logins of the repository's admins, the last resort. */
  admins?: string[];
}

/**
 * The people to mention about a key: the policy's `owners` for it, else CODEOWNERS, else the
 * admins (README, "Who gets notified"). Each as `@login` or `@org/team`, once, in order.
 */
export function resolveOwners(policyOwners: readonly string[], sources: OwnerSources = {}): string[] {
  for (const list of [policyOwners, sources.codeowners ?? [], sources.admins ?? []]) {
    const mentions = unique(list.map(toMention).filter((m) => m !== undefined));
    if (mentions.length > 0) return mentions;
  }
  return [];
}

/** `alice`, `@alice`, `acme/team` → `@alice`, `@acme/team`; anything else (an e-mail in CODEOWNERS) → undefined. */
export function toMention(owner: string): string | undefined {
  const name = owner.trim().replace(/^@/, '');
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?(?:\[bot\])?$/.test(name)
    ? `@${name}`
    : undefined;
}

function unique(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const lower = item.toLowerCase();
    if (seen.has(lower)) return false;
    seen.add(lower);
    return true;
  });
}
