import { defineProvider } from './provider.js';

// A Django SECRET_KEY is no account's key: nothing revokes it, a new one replaces it. Rotation steps from
// https://docs.djangoproject.com/en/stable/ref/settings/#secret-key-fallbacks.
export const django = defineProvider({
  id: 'django',
  name: 'Django',
  aliases: [],
  remediation:
    'Treat the key as public (deleting the commit does not make it safe: history, forks and caches keep it): ' +
    'generate a new one (`django.core.management.utils.get_random_secret_key()`), load SECRET_KEY from the ' +
    'environment, put the old key in SECRET_KEY_FALLBACKS until the sessions, password-reset links and signed ' +
    'values it made have expired, then remove it from the fallbacks.',
  rotation: {
    url: 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key-fallbacks',
    create:
      'Generate a new key with `django.core.management.utils.get_random_secret_key()` and set it as SECRET_KEY from the environment.',
    revoke:
      'Move the old key to SECRET_KEY_FALLBACKS, and remove it from there once the sessions, password-reset links and signed values it made have expired.',
  },
});
