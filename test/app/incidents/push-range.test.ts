import { describe, expect, it } from 'vitest';
import { pushRange } from '../../../app/incidents/push-range.js';

// The first push of a new default branch has nothing to compare with: the neutral check run says so
// and names the branch. Git allows backticks, `<`, `>` and `@` in branch names; none may leave the
// code span the name is shown in.

describe('the first push of a branch named to break out', () => {
  it('names the branch inside one code span: no mention, no HTML', () => {
    const branch = 'x`@acme/security`<img src=x>';
    const range = pushRange({
      ref: `refs/heads/${branch}`,
      before: '0'.repeat(40),
      after: 'a'.repeat(40),
      deleted: false,
      repository: { default_branch: branch },
    });
    expect(range.kind).toBe('neutral');
    const reason = range.kind === 'neutral' ? range.reason : '';
    expect(reason.replace(/`[^`\n]*`/g, '')).not.toMatch(/[<>]|@[a-z]/i);
    expect(reason).toContain('The first push of `x @acme/security <img src=x>` has no base to compare with');
  });
});
