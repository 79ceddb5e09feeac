/**
 * Where a repository keeps its Key Hygiene policy, relative to its root: the file the CLI and the Action
 * read by default, the App reads from the default branch (and, through Probot's config, from the
 * organisation's `.github` repository) and onboarding writes.
 */
export const CONFIG_PATH = '.github/key-hygiene.yml';
