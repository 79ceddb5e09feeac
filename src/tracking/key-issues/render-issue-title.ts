import type { KeyIssueView } from './key-issue-view.js';
import { isoDay } from '../../report/render-issue-text.js';

/**
 * The issue title, e.g. "Rotate OPENAI_API_KEY (production): last rotated 2026-06-01, due 2026-08-30".
 * Titles are for people: the planner matches issues by their hidden marker, never by title.
 */
export function renderIssueTitle(view: KeyIssueView): string {
  const { secret, environment } = view.key;
  switch (view.state) {
    case 'due-soon':
    case 'overdue': {
      const dates = [
        view.lastRotated && `last rotated ${isoDay(view.lastRotated)}`,
        view.dueAt && `due ${isoDay(view.dueAt)}`,
      ].filter(Boolean);
      return `Rotate ${secret} (${whereShort(view)})${dates.length ? `: ${dates.join(', ')}` : ''}`;
    }
    case 'shared':
      return `Give each environment its own ${secret}: one ${view.key.scope === 'org' ? 'organisation' : 'repository'} value is shared by all`;
    case 'missing':
      if (environment === undefined) return `Add ${secret} as a repository or organisation secret`;
      return view.noEnvironment
        ? `Create environment ${environment ?? ''} with its own ${secret}`
        : `Add ${secret} to environment ${environment ?? ''}`;
    case 'unprotected':
      return `Protect the production environment ${environment ?? ''}: any branch can deploy to it and read its secrets`;
  }
}

function whereShort(view: KeyIssueView): string {
  switch (view.key.scope) {
    case 'environment':
      return view.key.environment ?? 'environment';
    case 'repo':
      return 'repository secret';
    case 'org':
      return 'organisation secret';
    case 'dependabot':
      return 'Dependabot secret';
  }
}
