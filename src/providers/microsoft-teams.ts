import { defineProvider } from './provider.js';

export const microsoftTeams = defineProvider({
  id: 'microsoft-teams',
  name: 'Microsoft Teams',
  aliases: ['ms-teams'],
  remediation:
    'Remove the channel’s incoming webhook connector (or its Workflows flow) now — deleting the commit does not make it safe: ' +
    'history, forks and caches keep it. Create a new one, keep its URL in an environment secret, and watch the channel for posts you did not make.',
  rotation: {
    url: 'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
  },
});
