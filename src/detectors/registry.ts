import type { Detector } from './detector.js';
import { ageSecretKey } from './age.js';
import { anthropicAdminKey, anthropicApiKey } from './anthropic.js';
import { atlassianApiToken } from './atlassian.js';
import { awsAccessKeyId, awsBedrockApiKey, awsSecretAccessKey } from './aws.js';
import { azureAdClientSecret } from './azure-ad.js';
import { azureOpenaiKey } from './azure-openai.js';
import { base64PrivateKey } from './base64-private-key.js';
import { cloudflareApiToken } from './cloudflare.js';
import { commandLinePassword, netrcPassword, networkCredential } from './credential-files.js';
import { databricksAccessToken } from './databricks.js';
import { djangoInsecureKey, djangoSecretKey } from './django.js';
import { dockerHubAccessToken } from './docker.js';
import { digitaloceanToken } from './digitalocean.js';
import { alibabaAccessKeyId, alibabaAccessKeySecret } from './alibaba.js';
import { tencentCloudSecretId, tencentCloudSecretKey } from './tencent-cloud.js';
import { ibmCloudApiKey } from './ibm-cloud.js';
import { scalewayAccessKey, scalewaySecretKey } from './scaleway.js';
import { linodeToken } from './linode.js';
import { vultrApiKey } from './vultr.js';
import { hetznerApiToken } from './hetzner.js';
import { yandexCloudApiKey } from './yandex-cloud.js';
import { netlifyAccessToken, netlifyLegacyToken } from './netlify.js';
import { renderApiKey } from './render.js';
import { railwayToken } from './railway.js';
import { supabaseAccessToken, supabaseSecretKey, supabaseServiceRoleKey } from './supabase.js';
import { planetscaleToken } from './planetscale.js';
import { neonApiKey } from './neon.js';
import { mongodbAtlasApiPrivateKey, mongodbAtlasConnectionString } from './mongodb-atlas.js';
import { upstashToken } from './upstash.js';
import { tursoToken } from './turso.js';
import { dopplerToken } from './doppler.js';
import { pulumiAccessToken } from './pulumi.js';
import { infisicalToken } from './infisical.js';
import { circleciLegacyToken, circleciToken } from './circleci.js';
import { buildkiteApiToken } from './buildkite.js';
import { bitbucketAppPassword } from './bitbucket.js';
import { travisCiApiToken } from './travis-ci.js';
import { snykApiToken } from './snyk.js';
import { postmanApiKey } from './postman.js';
import { prefectApiKey } from './prefect.js';
import { fastlyApiToken } from './fastly.js';
import { cloudsmithApiKey } from './cloudsmith.js';
import { jfrogToken } from './jfrog.js';
import { azureStorageAccountKey, azureStorageSasToken } from './azure-storage.js';
import { googleFcmServerKey } from './google-fcm.js';
import { dotnetConfigPassword } from './dotnet-config.js';
import { figmaAccessToken } from './figma.js';
import { flyioAccessToken, flyioMacaroonToken } from './flyio.js';
import { genericSecret } from './generic.js';
import { githubFineGrainedToken, githubInstallationJwtToken, githubRefreshToken, githubToken } from './github.js';
import { gitlabRunnerRegistrationToken, gitlabToken } from './gitlab.js';
import { googleApiKey } from './google.js';
import { grafanaCloudToken, grafanaServiceAccountToken } from './grafana.js';
import { groqApiKey } from './groq.js';
import { terraformCloudToken, vaultLegacyToken, vaultToken } from './hashicorp.js';
import { herokuApiKey } from './heroku.js';
import { authorizationHeader, curlUserPassword } from './http-auth.js';
import { huggingfaceAccessToken, huggingfaceOrgToken } from './huggingface.js';
import { jwtToken } from './jwt.js';
import { linearApiKey } from './linear.js';
import { mailchimpApiKey } from './mailchimp.js';
import { notionIntegrationToken, notionLegacyToken } from './notion.js';
import { npmAccessToken } from './npm.js';
import { onepasswordSecretKey, onepasswordServiceAccountToken } from './onepassword.js';
import { openaiAdminKey, openaiProjectKey, openaiServiceAccountKey, openaiUserKey } from './openai.js';
import { openrouterApiKey } from './openrouter.js';
import { openshiftUserToken } from './openshift.js';
import { perplexityApiKey } from './perplexity.js';
import { privateKey } from './private-key.js';
import { pypiApiToken } from './pypi.js';
import { sendgridApiKey } from './sendgrid.js';
import { sentryOrgToken, sentryUserToken } from './sentry.js';
import { shopifyToken } from './shopify.js';
import { sidekiqCredentials } from './sidekiq.js';
import {
  slackAppToken,
  slackBotToken,
  slackConfigToken,
  slackLegacyToken,
  slackUserToken,
  slackWebhookUrl,
} from './slack.js';
import { sonarqubeLoginToken, sonarqubeToken } from './sonarqube.js';
import { sourcegraphAccessToken } from './sourcegraph.js';
import { squareToken } from './square.js';
import { stripeLiveKey, stripeTestKey, stripeWebhookSecret } from './stripe.js';
import { tailscaleKey } from './tailscale.js';
import { urlCredentials } from './url-credentials.js';
import { vercelToken } from './vercel.js';

/** Every built-in detector, in one explicit list sorted by id, so a new one has one obvious place. */
export const detectors: readonly Detector[] = [
  ageSecretKey,
  anthropicAdminKey,
  anthropicApiKey,
  atlassianApiToken,
  awsAccessKeyId,
  awsBedrockApiKey,
  awsSecretAccessKey,
  azureOpenaiKey,
  cloudflareApiToken,
  databricksAccessToken,
  djangoInsecureKey,
  djangoSecretKey,
  dockerHubAccessToken,
  digitaloceanToken,
  alibabaAccessKeyId,
  alibabaAccessKeySecret,
  tencentCloudSecretId,
  tencentCloudSecretKey,
  ibmCloudApiKey,
  scalewayAccessKey,
  scalewaySecretKey,
  linodeToken,
  vultrApiKey,
  hetznerApiToken,
  yandexCloudApiKey,
  netlifyAccessToken,
  netlifyLegacyToken,
  renderApiKey,
  railwayToken,
  supabaseAccessToken,
  supabaseSecretKey,
  supabaseServiceRoleKey,
  planetscaleToken,
  neonApiKey,
  mongodbAtlasApiPrivateKey,
  mongodbAtlasConnectionString,
  upstashToken,
  tursoToken,
  dopplerToken,
  pulumiAccessToken,
  infisicalToken,
  circleciLegacyToken,
  circleciToken,
  buildkiteApiToken,
  bitbucketAppPassword,
  travisCiApiToken,
  snykApiToken,
  postmanApiKey,
  prefectApiKey,
  fastlyApiToken,
  cloudsmithApiKey,
  jfrogToken,
  azureStorageAccountKey,
  azureStorageSasToken,
  googleFcmServerKey,
  figmaAccessToken,
  flyioAccessToken,
  flyioMacaroonToken,
  authorizationHeader,
  azureAdClientSecret,
  curlUserPassword,
  jwtToken,
  genericSecret,
  base64PrivateKey,
  commandLinePassword,
  dotnetConfigPassword,
  netrcPassword,
  networkCredential,
  urlCredentials,
  githubFineGrainedToken,
  githubInstallationJwtToken,
  githubRefreshToken,
  githubToken,
  gitlabRunnerRegistrationToken,
  gitlabToken,
  googleApiKey,
  grafanaCloudToken,
  grafanaServiceAccountToken,
  groqApiKey,
  herokuApiKey,
  huggingfaceAccessToken,
  huggingfaceOrgToken,
  linearApiKey,
  mailchimpApiKey,
  notionIntegrationToken,
  notionLegacyToken,
  npmAccessToken,
  onepasswordSecretKey,
  onepasswordServiceAccountToken,
  openaiAdminKey,
  openaiProjectKey,
  openaiServiceAccountKey,
  openaiUserKey,
  openrouterApiKey,
  openshiftUserToken,
  perplexityApiKey,
  privateKey,
  pypiApiToken,
  sendgridApiKey,
  sentryOrgToken,
  sentryUserToken,
  shopifyToken,
  sidekiqCredentials,
  slackAppToken,
  slackBotToken,
  slackConfigToken,
  slackLegacyToken,
  slackUserToken,
  slackWebhookUrl,
  sonarqubeLoginToken,
  sonarqubeToken,
  sourcegraphAccessToken,
  squareToken,
  stripeLiveKey,
  stripeTestKey,
  stripeWebhookSecret,
  tailscaleKey,
  terraformCloudToken,
  vaultLegacyToken,
  vaultToken,
  vercelToken,
].sort((a, b) => a.id.localeCompare(b.id));
