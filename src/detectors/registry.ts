import type { Detector } from './detector.js';
import { anthropicAdminKey, anthropicApiKey } from './anthropic.js';
import { awsAccessKeyId, awsBedrockApiKey, awsSecretAccessKey } from './aws.js';
import { azureAdClientSecret } from './azure-ad.js';
import { azureOpenaiKey } from './azure-openai.js';
import { genericSecret } from './generic.js';
import { githubFineGrainedToken, githubInstallationJwtToken, githubToken } from './github.js';
import { googleApiKey } from './google.js';
import { authorizationHeader, curlUserPassword } from './http-auth.js';
import { huggingfaceAccessToken, huggingfaceOrgToken } from './huggingface.js';
import { jwtToken } from './jwt.js';
import { npmAccessToken } from './npm.js';
import { openaiAdminKey, openaiProjectKey, openaiServiceAccountKey, openaiUserKey } from './openai.js';
import { privateKey } from './private-key.js';
import { slackAppToken, slackBotToken, slackConfigToken, slackLegacyToken, slackUserToken, slackWebhookUrl } from './slack.js';
import { stripeLiveKey, stripeTestKey, stripeWebhookSecret } from './stripe.js';
import { urlCredentials } from './url-credentials.js';

/** Every built-in detector, in one explicit list sorted by id (STYLE.md §3). */
export const detectors: readonly Detector[] = [
  anthropicAdminKey,
  anthropicApiKey,
  awsAccessKeyId,
  awsBedrockApiKey,
  awsSecretAccessKey,
  azureOpenaiKey,
  authorizationHeader,
  azureAdClientSecret,
  curlUserPassword,
  genericSecret,
  jwtToken,
  urlCredentials,
  githubFineGrainedToken,
  githubInstallationJwtToken,
  githubToken,
  googleApiKey,
  huggingfaceAccessToken,
  huggingfaceOrgToken,
  npmAccessToken,
  openaiAdminKey,
  openaiProjectKey,
  openaiServiceAccountKey,
  openaiUserKey,
  privateKey,
  slackAppToken,
  slackBotToken,
  slackConfigToken,
  slackLegacyToken,
  slackUserToken,
  slackWebhookUrl,
  stripeLiveKey,
  stripeTestKey,
  stripeWebhookSecret,
].sort((a, b) => a.id.localeCompare(b.id));
