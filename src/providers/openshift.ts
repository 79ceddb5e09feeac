import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const openshift = defineProvider({
  id: 'openshift',
  name: 'OpenShift',
  aliases: [],
  remediation: revokeAt('the cluster (`oc delete oauthaccesstoken <name>`, or the console’s API tokens page)'),
  rotation: {
    url: 'https://docs.openshift.com/container-platform/latest/authentication/managing-oauth-access-tokens.html',
  },
});
