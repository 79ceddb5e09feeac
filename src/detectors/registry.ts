import type { Detector } from './detector.js';
import { ageSecretKey } from './age.js';
import { twilioAuthToken, twilioApiKeySecret } from './twilio.js';
import { mailgunApiKey, mailgunPrivateKey } from './mailgun.js';
import { postmarkToken } from './postmark.js';
import { resendApiKey } from './resend.js';
import { brevoApiKey } from './brevo.js';
import { vonageApiSecret } from './vonage.js';
import { messagebirdAccessKey } from './messagebird.js';
import { discordBotToken, discordWebhookUrl } from './discord.js';
import { telegramBotToken } from './telegram.js';
import { microsoftTeamsWebhookUrl } from './microsoft-teams.js';
import { zoomClientSecret } from './zoom.js';
import { twitchSecret } from './twitch.js';
import { dropboxAccessToken } from './dropbox.js';
import { boxSecret } from './box.js';
import { asanaAccessToken } from './asana.js';
import { airtableAccessToken } from './airtable.js';
import { algoliaAdminKey } from './algolia.js';
import { oktaApiToken } from './okta.js';
import { auth0ClientSecret } from './auth0.js';
import { contentfulAccessToken } from './contentful.js';
import { sanityApiToken } from './sanity.js';
import { typeformAccessToken } from './typeform.js';
import { hubspotAccessToken } from './hubspot.js';
import { intercomAccessToken } from './intercom.js';
import { zendeskApiToken } from './zendesk.js';
import { freshdeskApiKey } from './freshdesk.js';
import { mapboxSecretToken } from './mapbox.js';
import { plaidSecret, plaidAccessToken } from './plaid.js';
import { paypalBraintreeAccessToken, paypalClientSecret } from './paypal.js';
import { adyenApiKey } from './adyen.js';
import { razorpayKeySecret } from './razorpay.js';
import { flutterwaveSecretKey } from './flutterwave.js';
import { paystackSecretKey } from './paystack.js';
import { coinbaseApiSecret } from './coinbase.js';
import { shippoApiToken } from './shippo.js';
import { easypostApiKey } from './easypost.js';
import { duffelAccessToken } from './duffel.js';
import { lobApiKey } from './lob.js';
import { frameioDeveloperToken } from './frameio.js';
import { readmeApiKey } from './readme.js';
import { clerkSecretKey } from './clerk.js';
import { calendlyAccessToken } from './calendly.js';
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
import { genericCliFlag } from './generic-flag.js';
import { genericLiveKey } from './generic-live-key.js';
import { genericNameValue } from './generic-name-value.js';
import { genericUrlParam } from './generic-url-param.js';
import { genericXmlElement } from './generic-xml.js';
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
import { replicateApiToken } from './replicate.js';
import { xaiApiKey } from './xai.js';
import { pineconeApiKey } from './pinecone.js';
import { langsmithApiKey } from './langsmith.js';
import { langfuseSecretKey } from './langfuse.js';
import { fireworksApiKey } from './fireworks.js';
import { cerebrasApiKey } from './cerebras.js';
import { nvidiaApiKey } from './nvidia.js';
import { jinaApiKey } from './jina.js';
import { voyageApiKey } from './voyage.js';
import { togetherApiKey, togetherLegacyKey } from './together.js';
import { deepseekApiKey } from './deepseek.js';
import { mistralApiKey } from './mistral.js';
import { cohereApiKey } from './cohere.js';
import { wandbApiKey, wandbLegacyKey } from './wandb.js';
import { elevenlabsApiKey, elevenlabsLegacyKey } from './elevenlabs.js';
import { stabilityApiKey } from './stability.js';
import { assemblyaiApiKey } from './assemblyai.js';
import { deepgramApiKey } from './deepgram.js';
import { heliconeApiKey } from './helicone.js';
import { modalTokenSecret } from './modal.js';
import { posthogPersonalApiKey } from './posthog.js';
import { datadogApiKey, datadogAppKey } from './datadog.js';
import { newrelicLicenseKey, newrelicUserApiKey } from './newrelic.js';
import { honeycombApiKey, honeycombIngestKey } from './honeycomb.js';
import { dynatraceApiToken } from './dynatrace.js';
import { pagerdutyApiKey } from './pagerduty.js';
import { rollbarAccessToken } from './rollbar.js';
import { bugsnagApiKey } from './bugsnag.js';
import { launchdarklyAccessToken, launchdarklySdkKey } from './launchdarkly.js';
import { mixpanelSecret } from './mixpanel.js';
import { amplitudeSecretKey } from './amplitude.js';
import { llamacloudApiKey } from './llamacloud.js';
import { firecrawlApiKey } from './firecrawl.js';

/** Every built-in detector, in one explicit list sorted by id, so a new one has one obvious place. */
export const detectors: readonly Detector[] = [
  ageSecretKey,
  twilioAuthToken,
  twilioApiKeySecret,
  mailgunApiKey,
  mailgunPrivateKey,
  postmarkToken,
  resendApiKey,
  brevoApiKey,
  vonageApiSecret,
  messagebirdAccessKey,
  discordBotToken,
  discordWebhookUrl,
  telegramBotToken,
  microsoftTeamsWebhookUrl,
  zoomClientSecret,
  twitchSecret,
  dropboxAccessToken,
  boxSecret,
  asanaAccessToken,
  airtableAccessToken,
  algoliaAdminKey,
  oktaApiToken,
  auth0ClientSecret,
  contentfulAccessToken,
  sanityApiToken,
  typeformAccessToken,
  hubspotAccessToken,
  intercomAccessToken,
  zendeskApiToken,
  freshdeskApiKey,
  mapboxSecretToken,
  plaidSecret,
  plaidAccessToken,
  paypalBraintreeAccessToken,
  paypalClientSecret,
  adyenApiKey,
  razorpayKeySecret,
  flutterwaveSecretKey,
  paystackSecretKey,
  coinbaseApiSecret,
  shippoApiToken,
  easypostApiKey,
  duffelAccessToken,
  lobApiKey,
  frameioDeveloperToken,
  readmeApiKey,
  clerkSecretKey,
  calendlyAccessToken,
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
  genericCliFlag,
  genericLiveKey,
  genericNameValue,
  genericUrlParam,
  genericXmlElement,
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
  replicateApiToken,
  xaiApiKey,
  pineconeApiKey,
  langsmithApiKey,
  langfuseSecretKey,
  fireworksApiKey,
  cerebrasApiKey,
  nvidiaApiKey,
  jinaApiKey,
  voyageApiKey,
  togetherApiKey,
  togetherLegacyKey,
  deepseekApiKey,
  mistralApiKey,
  cohereApiKey,
  wandbApiKey,
  wandbLegacyKey,
  elevenlabsApiKey,
  elevenlabsLegacyKey,
  stabilityApiKey,
  assemblyaiApiKey,
  deepgramApiKey,
  heliconeApiKey,
  modalTokenSecret,
  posthogPersonalApiKey,
  datadogApiKey,
  datadogAppKey,
  newrelicUserApiKey,
  newrelicLicenseKey,
  honeycombIngestKey,
  honeycombApiKey,
  dynatraceApiToken,
  pagerdutyApiKey,
  rollbarAccessToken,
  bugsnagApiKey,
  launchdarklyAccessToken,
  launchdarklySdkKey,
  mixpanelSecret,
  amplitudeSecretKey,
  llamacloudApiKey,
  firecrawlApiKey,
  // Code-unit order, not localeCompare: its first call starts ICU's collator, tens of milliseconds
  // of every scan's start-up.
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
