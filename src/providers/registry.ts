import { age } from './age.js';
import { twilio } from './twilio.js';
import { mailgun } from './mailgun.js';
import { postmark } from './postmark.js';
import { resend } from './resend.js';
import { brevo } from './brevo.js';
import { vonage } from './vonage.js';
import { messagebird } from './messagebird.js';
import { discord } from './discord.js';
import { telegram } from './telegram.js';
import { microsoftTeams } from './microsoft-teams.js';
import { zoom } from './zoom.js';
import { twitch } from './twitch.js';
import { dropbox } from './dropbox.js';
import { box } from './box.js';
import { asana } from './asana.js';
import { airtable } from './airtable.js';
import { algolia } from './algolia.js';
import { okta } from './okta.js';
import { auth0 } from './auth0.js';
import { contentful } from './contentful.js';
import { sanity } from './sanity.js';
import { typeform } from './typeform.js';
import { hubspot } from './hubspot.js';
import { intercom } from './intercom.js';
import { zendesk } from './zendesk.js';
import { freshdesk } from './freshdesk.js';
import { mapbox } from './mapbox.js';
import { plaid } from './plaid.js';
import { paypal } from './paypal.js';
import { adyen } from './adyen.js';
import { razorpay } from './razorpay.js';
import { flutterwave } from './flutterwave.js';
import { paystack } from './paystack.js';
import { coinbase } from './coinbase.js';
import { shippo } from './shippo.js';
import { easypost } from './easypost.js';
import { duffel } from './duffel.js';
import { lob } from './lob.js';
import { frameio } from './frameio.js';
import { readme } from './readme.js';
import { clerk } from './clerk.js';
import { calendly } from './calendly.js';
import { anthropic } from './anthropic.js';
import { atlassian } from './atlassian.js';
import { aws } from './aws.js';
import { azureOpenai } from './azure-openai.js';
import { cloudflare } from './cloudflare.js';
import { databricks } from './databricks.js';
import { docker } from './docker.js';
import { digitalocean } from './digitalocean.js';
import { alibaba } from './alibaba.js';
import { tencentCloud } from './tencent-cloud.js';
import { ibmCloud } from './ibm-cloud.js';
import { scaleway } from './scaleway.js';
import { linode } from './linode.js';
import { vultr } from './vultr.js';
import { hetzner } from './hetzner.js';
import { yandexCloud } from './yandex-cloud.js';
import { netlify } from './netlify.js';
import { render } from './render.js';
import { railway } from './railway.js';
import { supabase } from './supabase.js';
import { planetscale } from './planetscale.js';
import { neon } from './neon.js';
import { mongodbAtlas } from './mongodb-atlas.js';
import { upstash } from './upstash.js';
import { turso } from './turso.js';
import { doppler } from './doppler.js';
import { pulumi } from './pulumi.js';
import { infisical } from './infisical.js';
import { circleci } from './circleci.js';
import { buildkite } from './buildkite.js';
import { bitbucket } from './bitbucket.js';
import { travisCi } from './travis-ci.js';
import { snyk } from './snyk.js';
import { postman } from './postman.js';
import { prefect } from './prefect.js';
import { fastly } from './fastly.js';
import { cloudsmith } from './cloudsmith.js';
import { jfrog } from './jfrog.js';
import { azureStorage } from './azure-storage.js';
import { figma } from './figma.js';
import { flyio } from './flyio.js';
import { generic } from './generic.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { google } from './google.js';
import { grafana } from './grafana.js';
import { groq } from './groq.js';
import { terraform, vault } from './hashicorp.js';
import { heroku } from './heroku.js';
import { huggingface } from './huggingface.js';
import { hygiene } from './hygiene.js';
import { linear } from './linear.js';
import { mailchimp } from './mailchimp.js';
import { notion } from './notion.js';
import { npm } from './npm.js';
import { onepassword } from './onepassword.js';
import { openai } from './openai.js';
import { openrouter } from './openrouter.js';
import { django } from './django.js';
import { openshift } from './openshift.js';
import { perplexity } from './perplexity.js';
import { privatekey } from './private-key.js';
import { pypi } from './pypi.js';
import { sendgrid } from './sendgrid.js';
import { sentry } from './sentry.js';
import { shopify } from './shopify.js';
import { sidekiq } from './sidekiq.js';
import { slack } from './slack.js';
import { sonarqube } from './sonarqube.js';
import { sourcegraph } from './sourcegraph.js';
import { square } from './square.js';
import { stripe } from './stripe.js';
import { tailscale } from './tailscale.js';
import { vercel } from './vercel.js';
import { replicate } from './replicate.js';
import { xai } from './xai.js';
import { pinecone } from './pinecone.js';
import { langsmith } from './langsmith.js';
import { langfuse } from './langfuse.js';
import { fireworks } from './fireworks.js';
import { cerebras } from './cerebras.js';
import { nvidia } from './nvidia.js';
import { jina } from './jina.js';
import { voyage } from './voyage.js';
import { together } from './together.js';
import { deepseek } from './deepseek.js';
import { mistral } from './mistral.js';
import { cohere } from './cohere.js';
import { wandb } from './wandb.js';
import { elevenlabs } from './elevenlabs.js';
import { stability } from './stability.js';
import { assemblyai } from './assemblyai.js';
import { deepgram } from './deepgram.js';
import { helicone } from './helicone.js';
import { modal } from './modal.js';
import { posthog } from './posthog.js';
import { datadog } from './datadog.js';
import { newrelic } from './newrelic.js';
import { honeycomb } from './honeycomb.js';
import { dynatrace } from './dynatrace.js';
import { pagerduty } from './pagerduty.js';
import { rollbar } from './rollbar.js';
import { bugsnag } from './bugsnag.js';
import { launchdarkly } from './launchdarkly.js';
import { mixpanel } from './mixpanel.js';
import { amplitude } from './amplitude.js';
import { llamacloud } from './llamacloud.js';
import { firecrawl } from './firecrawl.js';

/**
 * Every provider, in one explicit list. The order matters in one place only: when a secret's name
 * names two providers with equally long phrases (`TF_VAR_VERCEL_TOKEN`), the onboarding guess takes
 * the earlier one, so a new provider goes at the end. test/providers/registry.test.ts checks the
 * list against the detectors.
 */
export const providers = [
  openai,
  azureOpenai,
  anthropic,
  aws,
  github,
  google,
  huggingface,
  npm,
  stripe,
  slack,
  gitlab,
  sentry,
  cloudflare,
  vercel,
  heroku,
  linear,
  notion,
  figma,
  mailchimp,
  sendgrid,
  shopify,
  square,
  groq,
  perplexity,
  databricks,
  docker,
  tailscale,
  grafana,
  pypi,
  age,
  atlassian,
  flyio,
  onepassword,
  openshift,
  sidekiq,
  sonarqube,
  sourcegraph,
  terraform,
  vault,
  openrouter,
  django,
  replicate,
  xai,
  pinecone,
  langsmith,
  langfuse,
  fireworks,
  cerebras,
  nvidia,
  jina,
  voyage,
  together,
  deepseek,
  mistral,
  cohere,
  wandb,
  elevenlabs,
  stability,
  assemblyai,
  deepgram,
  helicone,
  modal,
  posthog,
  datadog,
  newrelic,
  honeycomb,
  dynatrace,
  pagerduty,
  rollbar,
  bugsnag,
  launchdarkly,
  mixpanel,
  amplitude,
  llamacloud,
  firecrawl,
  digitalocean,
  alibaba,
  tencentCloud,
  ibmCloud,
  scaleway,
  linode,
  vultr,
  hetzner,
  yandexCloud,
  netlify,
  render,
  railway,
  supabase,
  planetscale,
  neon,
  mongodbAtlas,
  upstash,
  turso,
  doppler,
  pulumi,
  infisical,
  circleci,
  buildkite,
  bitbucket,
  travisCi,
  snyk,
  postman,
  prefect,
  fastly,
  cloudsmith,
  jfrog,
  azureStorage,
  twilio,
  mailgun,
  postmark,
  resend,
  brevo,
  vonage,
  messagebird,
  discord,
  telegram,
  microsoftTeams,
  zoom,
  twitch,
  dropbox,
  box,
  asana,
  airtable,
  algolia,
  okta,
  auth0,
  contentful,
  sanity,
  typeform,
  hubspot,
  intercom,
  zendesk,
  freshdesk,
  mapbox,
  plaid,
  paypal,
  adyen,
  razorpay,
  flutterwave,
  paystack,
  coinbase,
  shippo,
  easypost,
  duffel,
  lob,
  frameio,
  readme,
  clerk,
  calendly,
  generic,
  privatekey,
  hygiene,
] as const;

/** A provider's id, e.g. `openai`: one of the records above. */
export type ProviderId = (typeof providers)[number]['id'];
