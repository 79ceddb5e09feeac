/** Why a git source could not give its fragments. */
export type GitErrorKind = 'not-a-repository' | 'bad-revision' | 'bad-argument' | 'git-missing' | 'git-failed';

/** A git source failure with a one-line message meant for the user, as is. */
export class GitError extends Error {
  constructor(
    readonly kind: GitErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}
