import { age } from './age.js';
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
  generic,
  privatekey,
  hygiene,
] as const;

/** A provider's id, e.g. `openai`: one of the records above. */
export type ProviderId = (typeof providers)[number]['id'];
