/**
 * The remediation sentence shared by the vendor-token detectors: where to revoke, why a rewrite
 * of history is not enough, and what to do after.
 */
export function revokeAt(
  where: string,
  after = 'create a new one with the least scope it needs and update the environment secret',
): string {
  return (
    `Revoke it at ${where} now (deleting the commit does not make it safe: history, forks and caches keep it), ` +
    `${after}, and review the account’s audit log for use you did not make.`
  );
}
