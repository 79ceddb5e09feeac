import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const pypi = defineProvider({
  id: 'pypi',
  name: 'PyPI',
  aliases: [],
  remediation: revokeAt(
    'https://pypi.org/manage/account/token/',
    'prefer trusted publishing from CI, check the projects’ recent releases',
  ),
  rotation: { url: 'https://pypi.org/manage/account/token/' },
});
