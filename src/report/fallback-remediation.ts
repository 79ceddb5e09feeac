/**
 * Advice for a finding whose detector was not handed to the reporter (a custom detector the
 * caller left out): every finding still gets something to act on.
 */
export const FALLBACK_REMEDIATION =
  'Revoke the key with its provider, replace it, and keep the new one in a secret store, not in the repository.';
