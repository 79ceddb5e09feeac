import { VERSION } from '../version.js';

export const WORKFLOW_PATH = '.github/workflows/key-hygiene.yml';

/**
 * The Action as a workflow refers to it: this repository at the major version's tag, as the
 * README's usage snippet does (`v0` while the version is 0.x).
 */
export const ACTION_REF = `key-hygiene/key-hygiene@v${VERSION.split('.')[0]}`;

/**
 * The workflow the onboarding pull request adds (issue 6, "Onboarding"): the Action on every push
 * and pull request. Least privilege — `contents: read` only (no SARIF upload: code scanning is not on
 * every plan). The default shallow checkout is enough: the Action fetches exactly the commits it needs
 * (README, "Use the Action").
 */
export function renderOnboardingWorkflow(actionRef = ACTION_REF): string {
  return `# Added by the Key Hygiene App ("Configure Key Hygiene" pull request).
# Fails a push or pull request that adds an API key: https://github.com/key-hygiene/key-hygiene#use-the-action
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
      - uses: ${actionRef}
        with:
          fail-on: error   # error (critical, high, medium) | warning (any finding) | never
`;
}
