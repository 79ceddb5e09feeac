import { VERSION } from '../version.js';
import { actionUses, type ActionLocation } from './parse-action-location.js';

export const WORKFLOW_PATH = '.github/workflows/key-hygiene.yml';

/**
 * What the workflow shown for copying says in `uses:` when the App was not told where the Action
 * lives: the major version's tag, as the README's usage snippet has it, under an owner GitHub does
 * not accept — a copy left unedited fails to start instead of running someone else's code.
 */
export const ACTION_PLACEHOLDER = `<owner>/key-hygiene@v${VERSION.split('.')[0]}`;

/**
 * The workflow the onboarding pull request adds (README, "What it does", onboarding): the Action on every push
 * and pull request. Least privilege — `contents: read` only (no SARIF upload: code scanning is not on
 * every plan). The default shallow checkout is enough: the Action fetches exactly the commits it needs
 * (README, "Use the Action"). Without `action` it is the text to copy, with {@link ACTION_PLACEHOLDER}.
 */
export function renderOnboardingWorkflow(action: ActionLocation | undefined): string {
  const docs = action?.home === undefined ? '' : `: ${action.home}#use-the-action`;
  return `# Added by the Key Hygiene App ("Configure Key Hygiene" pull request).
# Fails a push or pull request that adds an API key${docs}
name: Key Hygiene
on:
  push:
  pull_request:
permissions:
  contents: read
jobs:
  scan:
    runs-on: ubuntu-latest
    steps:
      # A shallow checkout is enough: the Action fetches exactly the commits it needs.
      - uses: actions/checkout@v5
      - uses: ${action ? actionUses(action) : ACTION_PLACEHOLDER}
        with:
          fail-on: error   # error (critical, high, medium) | warning (any finding) | never
`;
}
