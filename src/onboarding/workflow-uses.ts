/**
 * What a workflow file's steps run, as its `uses:` lines name them — those outside GitHub's own
 * `actions/` account, at most 10, each cut to 200 characters: the onboarding description says what
 * the workflow on the branch runs, not what the App would have written (a branch opened by an
 * older version, or edited since, may name another repository). A line scan, linear in the text:
 * the file is whatever was pushed to the branch.
 */
export function workflowUses(text: string): string[] {
  const found: string[] = [];
  for (const match of text.slice(0, 100_000).matchAll(/^[ \t]*(?:-[ \t]*)?uses:[ \t]*["']?([^\s"'#]+)/gm)) {
    const uses = match[1]!.slice(0, 200);
    if (!uses.toLowerCase().startsWith('actions/') && !found.includes(uses)) found.push(uses);
    if (found.length === 10) break;
  }
  return found;
}
