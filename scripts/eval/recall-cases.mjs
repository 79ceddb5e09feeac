// The recall set: for each key type, its documented format becomes a seeded generator, and each generated
// key is written into the places keys really leak from (.env, YAML, JSON, column-aligned code, credential
// files, connection strings, command lines). Negative cases are the noise users see in docs and templates.
// Nothing here is a key: keys are made at run time from the seed, written to a temp folder, and dropped.
// Each case names its source and how well its format is known (`format`): `documented` (the vendor states
// prefix and length, or checksum), `documented-prefix` (the vendor states the prefix; the length is the one
// its keys are issued with), `observed` (the shape the vendor's console issues, as gitleaks' MIT rules
// describe it, not stated in the vendor's docs) or `name-only` (the docs give only the variable name).
import { createHash, createHmac } from 'node:crypto';
import { crc32 } from 'node:zlib';

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const URLSAFE = `${ALNUM}_-`;
const HEX = '0123456789abcdef';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
// Django's get_random_secret_key() draws 50 characters from this alphabet.
const DJANGO = 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)';

/**
 * A deterministic random source: SHA-256 of the seed and a counter, so a seed always gives the same
 * cases on every machine and Node version (same interface as the tests' seeded generator).
 */
export function seededRng(seed) {
  let counter = 0;
  let pool = Buffer.alloc(0);
  const next = () => {
    if (pool.length < 4) {
      pool = Buffer.concat([pool, createHash('sha256').update(`${seed}:${counter++}`).digest()]);
    }
    const n = pool.readUInt32BE(0);
    pool = pool.subarray(4);
    return n / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    string: (alphabet, length) => Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join(''),
  };
}

/**
 * CRC32 in base62, left-padded to 6: the checksum GitHub and npm tokens end with (GitHub blog, 2021). Written
 * here from the published scheme, not imported from src/detectors/checksum.ts, so a bug in the engine cannot
 * also make the cases it is measured on.
 */
function crc32Base62(body) {
  let n = crc32(body);
  let out = '';
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(6, '0');
}

const withChecksum = (prefix, body) => `${prefix}${body}${crc32Base62(body)}`;
const uuid = (rng) => [8, 4, 4, 4, 12].map((n) => rng.string(HEX, n)).join('-');
const b64 = (text) => Buffer.from(text).toString('base64');
const b64url = (text) => Buffer.from(text).toString('base64url');
// Assembled, so this file holds no PEM armour a scanner would stop on.
const armour = (edge, label) => `-----${edge} ${label}-----`;

const SRC = {
  githubFormats: 'https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/',
  // Payments, messaging and business-SaaS vendors: each vendor's own page on its keys.
  twilio: 'https://www.twilio.com/docs/iam/api-keys',
  mailgun: 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/',
  postmark: 'https://postmarkapp.com/developer/api/overview#authentication',
  resend: 'https://resend.com/docs/create-an-api-key',
  brevo: 'https://help.brevo.com/hc/en-us/articles/209467485-Create-and-manage-your-API-keys',
  vonage: 'https://developer.vonage.com/en/getting-started/concepts/authentication',
  messagebird: 'https://developers.messagebird.com/api/#authentication',
  discord: 'https://discord.com/developers/docs/reference#authentication',
  discordWebhook: 'https://discord.com/developers/docs/resources/webhook#execute-webhook',
  telegram: 'https://core.telegram.org/bots/api#authorizing-your-bot',
  teams:
    'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
  zoom: 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/',
  twitch: 'https://dev.twitch.tv/docs/authentication/',
  dropbox: 'https://developers.dropbox.com/oauth-guide',
  box: 'https://developer.box.com/guides/authentication/',
  asana: 'https://developers.asana.com/docs/personal-access-token',
  airtable: 'https://airtable.com/developers/web/guides/personal-access-tokens',
  algolia: 'https://www.algolia.com/doc/guides/security/api-keys/',
  okta: 'https://developer.okta.com/docs/guides/create-an-api-token/main/',
  auth0: 'https://auth0.com/docs/get-started/applications/application-settings',
  contentful: 'https://www.contentful.com/help/token-management/personal-access-tokens/',
  sanity: 'https://www.sanity.io/docs/http-auth',
  typeform: 'https://www.typeform.com/developers/get-started/personal-access-token/',
  hubspot: 'https://developers.hubspot.com/docs/api/private-apps',
  intercom: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication',
  zendesk: 'https://developer.zendesk.com/api-reference/introduction/security-and-auth/',
  freshdesk: 'https://developers.freshdesk.com/api/#authentication',
  mapbox: 'https://docs.mapbox.com/accounts/guides/tokens/',
  plaid: 'https://plaid.com/docs/api/#api-access',
  plaidTokens: 'https://plaid.com/docs/api/items/#token-exchange-flow',
  braintree: 'https://developer.paypal.com/braintree/docs/guides/authorization/access-token',
  paypal: 'https://developer.paypal.com/api/rest/#link-getclientidandclientsecret',
  adyen: 'https://docs.adyen.com/development-resources/api-credentials/',
  razorpay: 'https://razorpay.com/docs/api/authentication',
  flutterwave: 'https://developer.flutterwave.com/docs/api-keys',
  paystack: 'https://paystack.com/docs/api/authentication/',
  coinbase: 'https://docs.cdp.coinbase.com/get-started/docs/cdp-api-keys',
  shippo: 'https://docs.goshippo.com/docs/guides_general/authentication/',
  easypost: 'https://docs.easypost.com/docs/authentication',
  duffel: 'https://duffel.com/docs/api/overview/making-requests/authentication',
  lob: 'https://docs.lob.com/#tag/Authentication',
  frameio: 'https://developer.frame.io/docs/getting-started/authentication',
  readme: 'https://docs.readme.com/main/reference/intro/authentication',
  clerk: 'https://clerk.com/docs/guides/secure/rotate-api-keys',
  calendly: 'https://developer.calendly.com/how-to-authenticate-with-personal-access-tokens',
  githubRefresh:
    'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens',
  gitlabPrefixes: 'https://docs.gitlab.com/security/tokens/#token-prefixes',
  gitlabRunner: 'https://docs.gitlab.com/ci/runners/new_creation_workflow/',
  vault: 'https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes',
  vaultLegacy: 'https://developer.hashicorp.com/vault/docs/upgrading/upgrade-to-1.0.0',
  django: 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key',
  sonar: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
  sonarScanner: 'https://docs.sonarsource.com/sonarqube-server/latest/analyzing-source-code/analysis-parameters/',
  openai: 'https://platform.openai.com/docs/api-reference/authentication',
  anthropic: 'https://docs.anthropic.com/en/api/overview',
  googleKeys: 'https://cloud.google.com/docs/authentication/api-keys',
  gemini: 'https://ai.google.dev/gemini-api/docs/api-key',
  serviceAccount: 'https://cloud.google.com/iam/docs/keys-create-delete',
  mistral: 'https://docs.mistral.ai/getting-started/quickstart/',
  cohere: 'https://docs.cohere.com/reference/about',
  replicate: 'https://replicate.com/docs/topics/security/api-tokens',
  together: 'https://docs.together.ai/reference/authentication-1',
  fireworks: 'https://docs.fireworks.ai/api-reference/introduction',
  deepseek: 'https://api-docs.deepseek.com/',
  xai: 'https://docs.x.ai/docs/overview',
  openrouter: 'https://openrouter.ai/docs/api-reference/authentication',
  pinecone: 'https://docs.pinecone.io/guides/projects/manage-api-keys',
  langsmith: 'https://docs.langchain.com/langsmith/llm-gateway-authentication',
  wandb: 'https://docs.wandb.ai/guides/track/environment-variables/',
  npmrc: 'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc',
  npmToken: 'https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/',
  pypirc: 'https://packaging.python.org/en/latest/specifications/pypirc/',
  pypiToken: 'https://pypi.org/help/#apitoken',
  netrc: 'https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html',
  gitCredentials: 'https://git-scm.com/docs/git-credential-store',
  docker: 'https://docs.docker.com/reference/cli/docker/login/',
  digitalocean: 'https://docs.digitalocean.com/platform/teams/manage-api-tokens/',
  alibaba: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
  tencent: 'https://www.tencentcloud.com/document/product/598/32675',
  ibmCloud: 'https://cloud.ibm.com/docs/account?topic=account-userapikey',
  scaleway: 'https://www.scaleway.com/en/docs/iam/how-to/create-api-keys/',
  linode: 'https://techdocs.akamai.com/cloud-computing/docs/manage-personal-access-tokens',
  vultr: 'https://docs.vultr.com/platform/other/api/manage-api-keys',
  hetzner: 'https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/',
  yandex: 'https://yandex.cloud/en/docs/iam/concepts/authorization/api-key',
  netlify: 'https://docs.netlify.com/api/get-started/#authentication',
  render: 'https://render.com/docs/api#1-create-an-api-key',
  railway: 'https://docs.railway.com/guides/cli#tokens',
  supabaseCli: 'https://supabase.com/docs/reference/cli/supabase-login',
  supabaseKeys: 'https://supabase.com/docs/guides/api/api-keys',
  planetscale: 'https://planetscale.com/docs/concepts/service-tokens',
  neon: 'https://neon.com/docs/manage/api-keys',
  atlasConnect: 'https://www.mongodb.com/docs/atlas/connect-to-database-deployment/',
  atlasApiKeys: 'https://www.mongodb.com/docs/atlas/configure-api-access/',
  upstash: 'https://upstash.com/docs/redis/features/restapi',
  turso: 'https://docs.turso.tech/sdk/authentication',
  doppler: 'https://docs.doppler.com/reference/auth-token-formats',
  pulumi: 'https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/',
  infisical: 'https://infisical.com/docs/documentation/platform/identities/universal-auth',
  circleci: 'https://circleci.com/docs/managing-api-tokens/',
  buildkite: 'https://buildkite.com/docs/apis/managing-api-tokens',
  bitbucket: 'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/',
  travis: 'https://docs.travis-ci.com/user/triggering-builds/',
  snyk: 'https://docs.snyk.io/snyk-cli/authenticate-to-use-the-cli',
  postman: 'https://learning.postman.com/docs/developer/postman-api/authentication/',
  prefect: 'https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys',
  fastly: 'https://docs.fastly.com/en/guides/using-api-tokens',
  cloudsmith: 'https://help.cloudsmith.io/docs/api-key',
  jfrog: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
  azureStorage: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string',
  azureSas: 'https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas',
  fcm: 'https://firebase.google.com/docs/cloud-messaging/auth-server',
  adonet: 'https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-string-syntax',
  jdbc: 'https://jdbc.postgresql.org/documentation/use/',
  mysql: 'https://dev.mysql.com/doc/refman/8.4/en/password-security-user.html',
  appSettings:
    'https://learn.microsoft.com/en-us/dotnet/framework/configure-apps/file-schema/appsettings/add-element-for-appsettings',
  networkCredential: 'https://learn.microsoft.com/en-us/dotnet/api/system.net.networkcredential.-ctor',
  compose: 'https://docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/',
  postgresImage: 'https://hub.docker.com/_/postgres',
  heroku: 'https://devcenter.heroku.com/articles/authentication',
  jwt: 'https://jwt.io/introduction',
  pem: 'https://www.rfc-editor.org/rfc/rfc7468',
  helm: 'https://helm.sh/docs/chart_template_guide/function_list/',
  actions:
    'https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions',
  jinja: 'https://jinja.palletsprojects.com/en/stable/templates/',
  erb: 'https://docs.ruby-lang.org/en/master/ERB.html',
  aws: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  gofmt: 'https://go.dev/doc/effective_go#formatting',
  hexApiKey: 'no single vendor: 32 hex characters under a *_API_KEY name, the shape many SaaS dashboards issue',
  langfuse: 'https://langfuse.com/faq/all/where-are-langfuse-api-keys',
  cerebras: 'https://inference-docs.cerebras.ai/quickstart',
  nvidia: 'https://docs.nvidia.com/ngc/latest/ngc-user-guide.html#generating-personal-api-key',
  jina: 'https://jina.ai/embeddings/',
  voyage: 'https://docs.voyageai.com/docs/api-key-and-installation',
  elevenlabs: 'https://elevenlabs.io/docs/api-reference/authentication',
  stability: 'https://platform.stability.ai/docs/getting-started',
  assemblyai: 'https://www.assemblyai.com/docs/api-reference/overview',
  deepgram: 'https://developers.deepgram.com/docs/authenticating',
  helicone: 'https://docs.helicone.ai/ai-gateway/helicone-integration',
  modal: 'https://modal.com/docs/reference/modal.config',
  posthog: 'https://posthog.com/docs/api#private-endpoint-authentication',
  datadog: 'https://docs.datadoghq.com/account_management/api-app-keys/',
  datadogAgent: 'https://docs.datadoghq.com/agent/guide/environment-variables/',
  newrelic: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
  honeycomb: 'https://docs.honeycomb.io/configure/environments/manage-api-keys/',
  dynatrace:
    'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens#token-format',
  pagerduty: 'https://support.pagerduty.com/main/docs/api-access-keys',
  rollbar: 'https://docs.rollbar.com/docs/access-tokens',
  bugsnag: 'https://docs.bugsnag.com/api/data-access/#authentication',
  launchdarkly: 'https://docs.launchdarkly.com/home/account/api-create',
  launchdarklySdk: 'https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys',
  mixpanel: 'https://docs.mixpanel.com/docs/orgs-and-projects/service-accounts',
  amplitude: 'https://amplitude.com/docs/apis/keys-and-tokens',
  llamacloud: 'https://docs.cloud.llamaindex.ai/api_key',
  firecrawl: 'https://docs.firecrawl.dev/introduction',
};

/**
 * The same key written where keys are really written: a `.env` line, a YAML map, a JSON object, a
 * column-aligned Go const block, a shell export. `name` is the variable the vendor's docs use.
 */
function inContexts(provider, kind, name, value, source, format) {
  const camel = name.toLowerCase().replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  return [
    { context: 'env', path: '.env', text: `# ${provider}\n${name}=${value}\n` },
    { context: 'yaml', path: 'config/settings.yaml', text: `${provider}:\n  ${camel}: ${value}\n  timeout: 30\n` },
    { context: 'json', path: 'config/local.json', text: `{\n  "${camel}": "${value}",\n  "region": "us-east-1"\n}\n` },
    {
      context: 'aligned-code',
      path: 'internal/config/defaults.go',
      text: `package config\n\nconst (\n\tDefaultRegion             = "us-east-1"\n\t${camel[0].toUpperCase()}${camel.slice(1)}                = "${value}"\n)\n`,
    },
    { context: 'shell', path: 'scripts/deploy.sh', text: `#!/bin/sh\nexport ${name}="${value}"\n./run.sh\n` },
  ].map((c) => ({ provider, kind, format, expect: 'leak', source, ...c }));
}

/** Positive cases: documented formats of the vendors teams use first, in realistic places. */
function positives(rng, seed) {
  const cases = [];
  const add = (...list) => cases.push(...list.flat());

  // AI vendors. OpenAI and Anthropic document the header and variable; the shapes are the ones their
  // dashboards issue (OpenAI's carry the base64 of "OpenAI"), as gitleaks' MIT rules describe them.
  add(
    inContexts(
      'openai',
      'vendor-key',
      'OPENAI_API_KEY',
      `sk-proj-${rng.string(URLSAFE, 74)}T3BlbkFJ${rng.string(URLSAFE, 74)}`,
      SRC.openai,
      'observed',
    ),
  );
  // Payments, messaging and business-SaaS vendors, under the variable names their docs and SDKs read.
  // Their own generator, so adding them shifts no other case's key (the --seed flag varies them too).
  const srng = seededRng(`saas-vendors:${seed}`);
  const digits = (n) => `${srng.int(1, 9)}${srng.string('0123456789', n - 1)}`;
  const LOWER36 = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const saas = [
    ['twilio', 'named-key', 'TWILIO_AUTH_TOKEN', srng.string(HEX, 32), SRC.twilio, 'name-only'],
    ['twilio', 'named-key', 'TWILIO_API_SECRET', srng.string(ALNUM, 32), SRC.twilio, 'name-only'],
    ['mailgun', 'vendor-key', 'MAILGUN_API_KEY', `key-${srng.string(HEX, 32)}`, SRC.mailgun, 'documented-prefix'],
    [
      'mailgun',
      'named-key',
      'MAILGUN_API_KEY',
      `${srng.string(HEX, 32)}-${srng.string(HEX, 8)}-${srng.string(HEX, 8)}`,
      SRC.mailgun,
      'name-only',
    ],
    ['postmark', 'named-key', 'POSTMARK_SERVER_TOKEN', uuid(srng), SRC.postmark, 'name-only'],
    [
      'resend',
      'vendor-key',
      'RESEND_API_KEY',
      `re_${srng.string(ALNUM, 8)}_${srng.string(ALNUM, 24)}`,
      SRC.resend,
      'documented-prefix',
    ],
    [
      'brevo',
      'vendor-key',
      'BREVO_API_KEY',
      `xkeysib-${srng.string(HEX, 64)}-${srng.string(ALNUM, 16)}`,
      SRC.brevo,
      'documented-prefix',
    ],
    ['vonage', 'named-key', 'VONAGE_API_SECRET', srng.string(ALNUM, 16), SRC.vonage, 'name-only'],
    ['messagebird', 'named-key', 'MESSAGEBIRD_ACCESS_KEY', srng.string(ALNUM, 25), SRC.messagebird, 'name-only'],
    [
      'discord',
      'vendor-key',
      'DISCORD_BOT_TOKEN',
      `${b64url(digits(18))}.${srng.string(URLSAFE, 6)}.${srng.string(URLSAFE, 27)}`,
      SRC.discord,
      'observed',
    ],
    [
      'discord',
      'webhook-url',
      'DISCORD_WEBHOOK_URL',
      `https://discord.com/api/webhooks/${digits(19)}/${srng.string(URLSAFE, 68)}`,
      SRC.discordWebhook,
      'documented',
    ],
    [
      'telegram',
      'vendor-key',
      'TELEGRAM_BOT_TOKEN',
      `${digits(10)}:AA${srng.string(URLSAFE, 33)}`,
      SRC.telegram,
      'documented',
    ],
    [
      'microsoft-teams',
      'webhook-url',
      'TEAMS_WEBHOOK_URL',
      `https://acme.webhook.office.com/webhookb2/${uuid(srng)}@${uuid(srng)}/IncomingWebhook/${srng.string(HEX, 32)}/${uuid(srng)}`,
      SRC.teams,
      'observed',
    ],
    ['zoom', 'named-key', 'ZOOM_CLIENT_SECRET', srng.string(ALNUM, 32), SRC.zoom, 'name-only'],
    ['twitch', 'named-key', 'TWITCH_CLIENT_SECRET', srng.string(LOWER36, 30), SRC.twitch, 'name-only'],
    [
      'dropbox',
      'vendor-key',
      'DROPBOX_ACCESS_TOKEN',
      `sl.B${srng.string(URLSAFE, 138)}`,
      SRC.dropbox,
      'documented-prefix',
    ],
    ['box', 'named-key', 'BOX_CLIENT_SECRET', srng.string(ALNUM, 32), SRC.box, 'name-only'],
    [
      'asana',
      'vendor-key',
      'ASANA_ACCESS_TOKEN',
      `2/${digits(16)}/${digits(16)}:${srng.string(HEX, 32)}`,
      SRC.asana,
      'observed',
    ],
    [
      'airtable',
      'vendor-key',
      'AIRTABLE_API_KEY',
      `pat${srng.string(ALNUM, 14)}.${srng.string(HEX, 64)}`,
      SRC.airtable,
      'documented',
    ],
    ['algolia', 'named-key', 'ALGOLIA_ADMIN_KEY', srng.string(HEX, 32), SRC.algolia, 'name-only'],
    ['okta', 'named-key', 'OKTA_API_TOKEN', `00${srng.string(URLSAFE, 40)}`, SRC.okta, 'name-only'],
    ['auth0', 'named-key', 'AUTH0_CLIENT_SECRET', srng.string(URLSAFE, 64), SRC.auth0, 'name-only'],
    [
      'contentful',
      'vendor-key',
      'CONTENTFUL_MANAGEMENT_TOKEN',
      `CFPAT-${srng.string(URLSAFE, 43)}`,
      SRC.contentful,
      'documented-prefix',
    ],
    ['sanity', 'vendor-key', 'SANITY_API_TOKEN', `sk${srng.string(ALNUM, 80)}`, SRC.sanity, 'observed'],
    [
      'typeform',
      'vendor-key',
      'TYPEFORM_TOKEN',
      `tfp_${srng.string(ALNUM, 44)}_${srng.string(ALNUM, 14)}`,
      SRC.typeform,
      'documented-prefix',
    ],
    ['hubspot', 'vendor-key', 'HUBSPOT_ACCESS_TOKEN', `pat-na1-${uuid(srng)}`, SRC.hubspot, 'documented-prefix'],
    ['intercom', 'named-key', 'INTERCOM_ACCESS_TOKEN', `${srng.string(`${ALNUM}+/`, 59)}=`, SRC.intercom, 'name-only'],
    ['zendesk', 'named-key', 'ZENDESK_API_TOKEN', srng.string(ALNUM, 40), SRC.zendesk, 'name-only'],
    ['freshdesk', 'named-key', 'FRESHDESK_API_KEY', srng.string(ALNUM, 20), SRC.freshdesk, 'name-only'],
    [
      'mapbox',
      'vendor-key',
      'MAPBOX_ACCESS_TOKEN',
      `sk.${b64url(`{"u":"acme","a":"${srng.string(LOWER36, 25)}"}`)}.${srng.string(URLSAFE, 22)}`,
      SRC.mapbox,
      'documented',
    ],
    ['plaid', 'named-key', 'PLAID_SECRET', srng.string(HEX, 30), SRC.plaid, 'name-only'],
    [
      'plaid',
      'vendor-key',
      'PLAID_ACCESS_TOKEN',
      `access-production-${uuid(srng)}`,
      SRC.plaidTokens,
      'documented-prefix',
    ],
    [
      'paypal',
      'vendor-key',
      'BRAINTREE_ACCESS_TOKEN',
      `access_token$production$${srng.string(LOWER36, 16)}$${srng.string(HEX, 32)}`,
      SRC.braintree,
      'documented-prefix',
    ],
    ['paypal', 'named-key', 'PAYPAL_CLIENT_SECRET', `E${srng.string(URLSAFE, 79)}`, SRC.paypal, 'name-only'],
    [
      'adyen',
      'vendor-key',
      'ADYEN_API_KEY',
      `AQE${srng.string(`${ALNUM}+/`, 150)}=-${srng.string(`${ALNUM}+/`, 43)}=-${srng.string(ALNUM, 16)}`,
      SRC.adyen,
      'observed',
    ],
    ['razorpay', 'named-key', 'RAZORPAY_KEY_SECRET', srng.string(ALNUM, 24), SRC.razorpay, 'name-only'],
    ['flutterwave', 'vendor-key', 'FLW_SECRET_KEY', `FLWSECK-${srng.string(HEX, 32)}-X`, SRC.flutterwave, 'documented'],
    [
      'paystack',
      'vendor-key',
      'PAYSTACK_SECRET_KEY',
      `sk_live_${srng.string(HEX, 40)}`,
      SRC.paystack,
      'documented-prefix',
    ],
    ['coinbase', 'named-key', 'COINBASE_API_SECRET', `${srng.string(`${ALNUM}+/`, 86)}==`, SRC.coinbase, 'name-only'],
    [
      'shippo',
      'vendor-key',
      'SHIPPO_API_TOKEN',
      `shippo_live_${srng.string(HEX, 40)}`,
      SRC.shippo,
      'documented-prefix',
    ],
    ['easypost', 'vendor-key', 'EASYPOST_API_KEY', `EZAK${srng.string(ALNUM, 54)}`, SRC.easypost, 'observed'],
    [
      'duffel',
      'vendor-key',
      'DUFFEL_ACCESS_TOKEN',
      `duffel_live_${srng.string(URLSAFE, 43)}`,
      SRC.duffel,
      'documented-prefix',
    ],
    ['lob', 'vendor-key', 'LOB_API_KEY', `live_${srng.string(HEX, 35)}`, SRC.lob, 'documented-prefix'],
    ['frameio', 'vendor-key', 'FRAMEIO_TOKEN', `fio-u-${srng.string(URLSAFE, 64)}`, SRC.frameio, 'observed'],
    ['readme', 'vendor-key', 'README_API_KEY', `rdme_${srng.string(LOWER36, 70)}`, SRC.readme, 'observed'],
    ['clerk', 'vendor-key', 'CLERK_SECRET_KEY', `sk_live_${srng.string(ALNUM, 46)}`, SRC.clerk, 'documented-prefix'],
    [
      'calendly',
      'named-key',
      'CALENDLY_API_TOKEN',
      `${b64url('{"kid":"1ce1e136","typ":"PAT","alg":"ES512"}')}.${b64url(`{"iss":"https://auth.calendly.com","iat":1700000000,"jti":"${uuid(srng)}","user_uuid":"${uuid(srng)}"}`)}.${srng.string(URLSAFE, 86)}`,
      SRC.calendly,
      'name-only',
    ],
  ];
  for (const [provider, kind, name, value, source, format] of saas)
    add(inContexts(provider, kind, name, value, source, format));
  add(
    inContexts(
      'openai',
      'vendor-key',
      'OPENAI_ADMIN_KEY',
      `sk-admin-${rng.string(URLSAFE, 58)}T3BlbkFJ${rng.string(URLSAFE, 58)}`,
      SRC.openai,
      'observed',
    ),
  );
  add(
    inContexts(
      'anthropic',
      'vendor-key',
      'ANTHROPIC_API_KEY',
      `sk-ant-api03-${rng.string(URLSAFE, 93)}AA`,
      SRC.anthropic,
      'observed',
    ),
  );
  add(
    inContexts(
      'anthropic',
      'vendor-key',
      'ANTHROPIC_ADMIN_KEY',
      `sk-ant-admin01-${rng.string(URLSAFE, 93)}AA`,
      SRC.anthropic,
      'observed',
    ),
  );
  add(inContexts('google', 'vendor-key', 'GEMINI_API_KEY', `AIza${rng.string(URLSAFE, 35)}`, SRC.gemini, 'observed'));
  add(
    inContexts(
      'replicate',
      'vendor-key',
      'REPLICATE_API_TOKEN',
      `r8_${rng.string(ALNUM, 37)}`,
      SRC.replicate,
      'documented',
    ),
  );
  add(inContexts('xai', 'vendor-key', 'XAI_API_KEY', `xai-${rng.string(ALNUM, 80)}`, SRC.xai, 'observed'));
  add(
    inContexts(
      'openrouter',
      'vendor-key',
      'OPENROUTER_API_KEY',
      `sk-or-v1-${rng.string(HEX, 64)}`,
      SRC.openrouter,
      'observed',
    ),
  );
  add(
    inContexts(
      'pinecone',
      'vendor-key',
      'PINECONE_API_KEY',
      `pcsk_${rng.string(ALNUM, 6)}_${rng.string(ALNUM, 63)}`,
      SRC.pinecone,
      'observed',
    ),
  );
  add(
    inContexts(
      'langsmith',
      'vendor-key',
      'LANGSMITH_API_KEY',
      `lsv2_pt_${rng.string(HEX, 32)}_${rng.string(HEX, 10)}`,
      SRC.langsmith,
      'documented-prefix',
    ),
  );
  add(
    inContexts(
      'langsmith',
      'vendor-key',
      'LANGCHAIN_API_KEY',
      `lsv2_sk_${rng.string(HEX, 32)}_${rng.string(HEX, 10)}`,
      SRC.langsmith,
      'documented-prefix',
    ),
  );
  // Vendors whose docs give the variable name but no key shape: only the name can find these.
  add(inContexts('mistral', 'named-key', 'MISTRAL_API_KEY', rng.string(ALNUM, 32), SRC.mistral, 'name-only'));
  add(inContexts('cohere', 'named-key', 'CO_API_KEY', rng.string(ALNUM, 40), SRC.cohere, 'name-only'));
  add(inContexts('together', 'named-key', 'TOGETHER_API_KEY', rng.string(HEX, 64), SRC.together, 'name-only'));
  add(
    inContexts(
      'fireworks',
      'named-key',
      'FIREWORKS_API_KEY',
      `fw_${rng.string(ALNUM, 24)}`,
      SRC.fireworks,
      'name-only',
    ),
  );
  add(inContexts('deepseek', 'named-key', 'DEEPSEEK_API_KEY', `sk-${rng.string(HEX, 32)}`, SRC.deepseek, 'name-only'));
  add(inContexts('wandb', 'named-key', 'WANDB_API_KEY', rng.string(HEX, 40), SRC.wandb, 'name-only'));
  add(inContexts('heroku', 'named-key', 'HEROKU_API_KEY', uuid(rng), SRC.heroku, 'name-only'));
  add(inContexts('generic', 'named-key', 'PAYMENTS_API_KEY', rng.string(HEX, 32), SRC.hexApiKey, 'name-only'));

  // Vertex AI and other Google Cloud clients: a service-account key file holds a PKCS#8 private key. The
  // body is seeded random base64 after the usual RSA PKCS#8 header bytes: the shape, never a usable key.
  const pemBody = `MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ${rng.string(`${ALNUM}+/`, 1550)}`;
  const privateKey = `${armour('BEGIN', 'PRIVATE KEY')}\n${pemBody.match(/.{1,64}/g).join('\n')}\n${armour('END', 'PRIVATE KEY')}\n`;
  const sa = {
    type: 'service_account',
    project_id: `vertex-demo-${rng.string(LOWER_ALNUM, 6)}`,
    private_key_id: rng.string(HEX, 40),
    private_key: privateKey,
    client_email: 'vertex@vertex-demo.iam.gserviceaccount.com',
    client_id: rng.string('0123456789', 21),
    token_uri: 'https://oauth2.googleapis.com/token',
  };
  add({
    provider: 'google',
    kind: 'credential-file',
    context: 'service-account-json',
    path: 'credentials/vertex-sa.json',
    text: `${JSON.stringify(sa, null, 2)}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.serviceAccount,
  });
  add({
    provider: 'generic',
    kind: 'named-key',
    context: 'base64-pem',
    path: '.env',
    text: `SIGNING_KEY_B64=${b64(privateKey)}\n`,
    format: 'name-only',
    expect: 'leak',
    source: SRC.pem,
  });

  // HashiCorp Vault: hvs./hvb. since 1.10, legacy s./b. + 24 before it.
  add(
    inContexts(
      'hashicorp',
      'vendor-key',
      'VAULT_TOKEN',
      `hvs.${rng.string(URLSAFE, 24)}`,
      SRC.vault,
      'documented-prefix',
    ),
  );
  add(
    inContexts(
      'hashicorp',
      'vendor-key',
      'VAULT_TOKEN',
      `hvs.CAESI${rng.string(URLSAFE, 91)}`,
      SRC.vault,
      'documented-prefix',
    ),
  );
  add(
    inContexts(
      'hashicorp',
      'vendor-key',
      'VAULT_TOKEN',
      `s.${rng.string(ALNUM, 24)}`,
      SRC.vaultLegacy,
      'documented-prefix',
    ),
  );
  add(
    inContexts(
      'hashicorp',
      'vendor-key',
      'VAULT_BATCH_TOKEN',
      `b.AAAAAQ${rng.string(URLSAFE, 100)}`,
      SRC.vaultLegacy,
      'documented-prefix',
    ),
  );

  // Django: 50 characters from get_random_secret_key()'s alphabet; startproject prefixes django-insecure-.
  const djangoKey = rng.string(DJANGO, 50);
  add({
    provider: 'django',
    kind: 'vendor-key',
    context: 'python-settings',
    path: 'mysite/settings.py',
    text: `from pathlib import Path\n\nBASE_DIR = Path(__file__).resolve().parent.parent\n\n# SECURITY WARNING: keep the secret key used in production secret!\nSECRET_KEY = 'django-insecure-${djangoKey}'\n\nDEBUG = True\n`,
    format: 'documented-prefix',
    expect: 'leak',
    source: SRC.django,
  });
  add({
    provider: 'django',
    kind: 'named-key',
    context: 'python-settings',
    path: 'mysite/settings/production.py',
    text: `SECRET_KEY = "${rng.string(DJANGO, 50)}"\nALLOWED_HOSTS = ["example.com"]\n`,
    format: 'name-only',
    expect: 'leak',
    source: SRC.django,
  });
  add({
    provider: 'django',
    kind: 'named-key',
    context: 'env',
    path: '.env',
    text: `DJANGO_SECRET_KEY=${rng.string(DJANGO.replace(/[#$&(]/g, ''), 50)}\n`,
    format: 'name-only',
    expect: 'leak',
    source: SRC.django,
  });

  // GitLab: runner registration tokens (GR1348941 + 20) and runner authentication tokens (glrt- + 20).
  const reg = `GR1348941${rng.string(URLSAFE, 20)}`;
  add({
    provider: 'gitlab',
    kind: 'vendor-key',
    context: 'command-line',
    path: 'scripts/register-runner.sh',
    text: `gitlab-runner register --non-interactive --url https://gitlab.example.com --registration-token ${reg} --executor docker\n`,
    format: 'documented-prefix',
    expect: 'leak',
    source: SRC.gitlabRunner,
  });
  add(
    inContexts(
      'gitlab',
      'vendor-key',
      'CI_RUNNER_REGISTRATION_TOKEN',
      `GR1348941${rng.string(URLSAFE, 20)}`,
      SRC.gitlabPrefixes,
      'documented-prefix',
    ),
  );
  add({
    provider: 'gitlab',
    kind: 'vendor-key',
    context: 'runner-config-toml',
    path: 'runner/config.toml',
    text: `concurrent = 4\n\n[[runners]]\n  name = "docker-runner"\n  url = "https://gitlab.example.com"\n  token = "glrt-${rng.string(URLSAFE, 20)}"\n  executor = "docker"\n`,
    format: 'documented-prefix',
    expect: 'leak',
    source: SRC.gitlabPrefixes,
  });

  // GitHub refresh tokens: ghr_ + 70 base62 + the 6-character CRC32 checksum (76 after the prefix, as
  // in GitHub's own refresh-token example).
  add(
    inContexts(
      'github',
      'vendor-key',
      'GITHUB_REFRESH_TOKEN',
      withChecksum('ghr_', rng.string(BASE62, 70)),
      SRC.githubRefresh,
      'documented',
    ),
  );
  add(
    inContexts(
      'github',
      'vendor-key',
      'GITHUB_TOKEN',
      withChecksum('ghp_', rng.string(BASE62, 30)),
      SRC.githubFormats,
      'documented',
    ),
  );

  // SonarQube: sqp_/squ_/sqa_ + 40 hex, and legacy 40-hex tokens passed as sonar.login / sonar.token.
  add({
    provider: 'sonarqube',
    kind: 'vendor-key',
    context: 'properties',
    path: 'sonar-project.properties',
    text: `sonar.projectKey=shop\nsonar.host.url=https://sonar.example.com\nsonar.token=sqp_${rng.string(HEX, 40)}\n`,
    format: 'documented-prefix',
    expect: 'leak',
    source: SRC.sonar,
  });
  add({
    provider: 'sonarqube',
    kind: 'named-key',
    context: 'properties',
    path: 'sonar-project.properties',
    text: `sonar.projectKey=shop\nsonar.login=${rng.string(HEX, 40)}\n`,
    format: 'name-only',
    expect: 'leak',
    source: SRC.sonarScanner,
  });
  add({
    provider: 'sonarqube',
    kind: 'named-key',
    context: 'command-line',
    path: 'ci/analyse.sh',
    text: `mvn sonar:sonar -Dsonar.host.url=https://sonar.example.com -Dsonar.token=${rng.string(HEX, 40)}\n`,
    format: 'name-only',
    expect: 'leak',
    source: SRC.sonarScanner,
  });

  // Credential files, each in the syntax its tool documents.
  const npmToken = withChecksum('npm_', rng.string(BASE62, 30));
  add({
    provider: 'npm',
    kind: 'credential-file',
    context: 'npmrc',
    path: '.npmrc',
    text: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${npmToken}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.npmToken,
  });
  add({
    provider: 'generic',
    kind: 'credential-file',
    context: 'npmrc',
    path: '.npmrc',
    text: `@acme:registry=https://npm.acme.example/\n//npm.acme.example/:_authToken=${rng.string(URLSAFE, 48)}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.npmrc,
  });
  add({
    provider: 'generic',
    kind: 'credential-file',
    context: 'npmrc',
    path: '.npmrc',
    text: `//artifactory.example.com/api/npm/npm/:_password=${b64(rng.string(ALNUM, 20))}\n//artifactory.example.com/api/npm/npm/:username=ci\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.npmrc,
  });
  add({
    provider: 'pypi',
    kind: 'credential-file',
    context: 'pypirc',
    path: '.pypirc',
    text: `[distutils]\nindex-servers =\n    pypi\n\n[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCJD${rng.string(URLSAFE, 150)}\n`,
    format: 'documented-prefix',
    expect: 'leak',
    source: SRC.pypiToken,
  });
  add({
    provider: 'generic',
    kind: 'credential-file',
    context: 'pypirc',
    path: '.pypirc',
    text: `[distutils]\nindex-servers =\n    private\n\n[private]\nrepository = https://pypi.acme.example/simple/\nusername = deploy\npassword = ${rng.string(ALNUM, 24)}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.pypirc,
  });
  add({
    provider: 'generic',
    kind: 'credential-file',
    context: 'netrc',
    path: '.netrc',
    text: `machine ftp.example.com\nlogin deploy\npassword ${rng.string(ALNUM, 22)}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.netrc,
  });
  add({
    provider: 'wandb',
    kind: 'credential-file',
    context: 'netrc',
    path: '.netrc',
    text: `machine api.wandb.ai\n  login user\n  password ${rng.string(HEX, 40)}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.wandb,
  });
  add({
    provider: 'generic',
    kind: 'credential-file',
    context: 'git-credentials',
    path: '.git-credentials',
    text: `https://deploy:${rng.string(ALNUM, 24)}@git.example.com\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.gitCredentials,
  });
  add({
    provider: 'docker',
    kind: 'credential-file',
    context: 'docker-config-json',
    path: '.docker/config.json',
    text: `${JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: b64(`deploy:${rng.string(ALNUM, 20)}`) } } }, null, 2)}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.docker,
  });

  // Cloud, hosting, database, CI/CD and developer-platform vendors: prefixed keys as their docs state
  // them, prefix-less ones under the variable the vendor's own tools read.
  const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const jwtOf = (header, payload) =>
    `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${rng.string(URLSAFE, 43)}`;
  const platformKey = (provider, name, value, source, format) =>
    add(inContexts(provider, format === 'name-only' ? 'named-key' : 'vendor-key', name, value, source, format));
  platformKey(
    'digitalocean',
    'DIGITALOCEAN_TOKEN',
    `dop_v1_${rng.string(HEX, 64)}`,
    SRC.digitalocean,
    'documented-prefix',
  );
  platformKey('alibaba', 'ALIBABA_CLOUD_ACCESS_KEY_ID', `LTAI${rng.string(ALNUM, 20)}`, SRC.alibaba, 'observed');
  platformKey('alibaba', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', rng.string(ALNUM, 30), SRC.alibaba, 'name-only');
  platformKey('tencent-cloud', 'TENCENTCLOUD_SECRET_ID', `AKID${rng.string(ALNUM, 32)}`, SRC.tencent, 'observed');
  platformKey('tencent-cloud', 'TENCENTCLOUD_SECRET_KEY', rng.string(ALNUM, 32), SRC.tencent, 'name-only');
  platformKey('ibm-cloud', 'IBMCLOUD_API_KEY', rng.string(URLSAFE, 44), SRC.ibmCloud, 'name-only');
  platformKey('scaleway', 'SCW_ACCESS_KEY', `SCW${rng.string(UPPER_ALNUM, 17)}`, SRC.scaleway, 'documented-prefix');
  platformKey('scaleway', 'SCW_SECRET_KEY', uuid(rng), SRC.scaleway, 'name-only');
  platformKey('linode', 'LINODE_TOKEN', rng.string(HEX, 64), SRC.linode, 'name-only');
  platformKey('vultr', 'VULTR_API_KEY', rng.string(UPPER_ALNUM, 36), SRC.vultr, 'name-only');
  platformKey('hetzner', 'HCLOUD_TOKEN', rng.string(ALNUM, 64), SRC.hetzner, 'name-only');
  platformKey('yandex-cloud', 'YC_API_KEY', `AQVN${rng.string(URLSAFE, 36)}`, SRC.yandex, 'observed');
  platformKey('netlify', 'NETLIFY_AUTH_TOKEN', `nfp_${rng.string(ALNUM, 36)}`, SRC.netlify, 'observed');
  platformKey('render', 'RENDER_API_KEY', `rnd_${rng.string(ALNUM, 24)}`, SRC.render, 'documented-prefix');
  platformKey('railway', 'RAILWAY_TOKEN', uuid(rng), SRC.railway, 'name-only');
  platformKey('supabase', 'SUPABASE_ACCESS_TOKEN', `sbp_${rng.string(HEX, 40)}`, SRC.supabaseCli, 'documented-prefix');
  platformKey(
    'supabase',
    'SUPABASE_SECRET_KEY',
    `sb_secret_${rng.string(URLSAFE, 31)}`,
    SRC.supabaseKeys,
    'documented-prefix',
  );
  platformKey(
    'supabase',
    'SUPABASE_SERVICE_ROLE_KEY',
    jwtOf(
      { alg: 'HS256', typ: 'JWT' },
      {
        iss: 'supabase',
        ref: rng.string('abcdefghijklmnopqrstuvwxyz', 20),
        role: 'service_role',
        iat: 1700000000,
        exp: 2015576000,
      },
    ),
    SRC.supabaseKeys,
    'documented',
  );
  platformKey(
    'planetscale',
    'PLANETSCALE_SERVICE_TOKEN',
    `pscale_tkn_${rng.string(ALNUM, 43)}`,
    SRC.planetscale,
    'observed',
  );
  add({
    provider: 'planetscale',
    kind: 'credential-place',
    context: 'database-url',
    path: '.env',
    text: `DATABASE_URL=mysql://${rng.string(LOWER_ALNUM, 20)}:pscale_pw_${rng.string(ALNUM, 43)}@aws.connect.psdb.cloud/shop?sslaccept=strict\n`,
    format: 'observed',
    expect: 'leak',
    source: SRC.planetscale,
  });
  platformKey('neon', 'NEON_API_KEY', `napi_${rng.string(LOWER_ALNUM, 64)}`, SRC.neon, 'observed');
  add({
    provider: 'mongodb-atlas',
    kind: 'credential-place',
    context: 'connection-string',
    path: '.env',
    text: `MONGODB_URI=mongodb+srv://shop:${rng.string(ALNUM, 16)}@cluster0.${rng.string(LOWER_ALNUM, 5)}.mongodb.net/shop?retryWrites=true&w=majority\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.atlasConnect,
  });
  platformKey('mongodb-atlas', 'MONGODB_ATLAS_PRIVATE_KEY', uuid(rng), SRC.atlasApiKeys, 'name-only');
  platformKey(
    'upstash',
    'UPSTASH_REDIS_REST_TOKEN',
    `A${rng.string(ALNUM, 3)}ASQg${rng.string(ALNUM, 56)}=`,
    SRC.upstash,
    'name-only',
  );
  platformKey(
    'turso',
    'TURSO_AUTH_TOKEN',
    jwtOf({ alg: 'EdDSA', typ: 'JWT' }, { a: 'rw', iat: 1700000000, id: rng.string(URLSAFE, 36) }),
    SRC.turso,
    'name-only',
  );
  platformKey('doppler', 'DOPPLER_TOKEN', `dp.st.prd.${rng.string(ALNUM, 43)}`, SRC.doppler, 'documented');
  platformKey('pulumi', 'PULUMI_ACCESS_TOKEN', `pul-${rng.string(HEX, 40)}`, SRC.pulumi, 'documented-prefix');
  platformKey('infisical', 'INFISICAL_CLIENT_SECRET', rng.string(HEX, 64), SRC.infisical, 'name-only');
  platformKey(
    'circleci',
    'CIRCLECI_TOKEN',
    `CCIPAT_${rng.string(ALNUM, 22)}_${rng.string(HEX, 40)}`,
    SRC.circleci,
    'observed',
  );
  platformKey('circleci', 'CIRCLE_TOKEN', rng.string(HEX, 40), SRC.circleci, 'name-only');
  platformKey('buildkite', 'BUILDKITE_API_TOKEN', `bkua_${rng.string(HEX, 40)}`, SRC.buildkite, 'observed');
  add({
    provider: 'bitbucket',
    kind: 'credential-file',
    context: 'git-credentials',
    path: '.git-credentials',
    text: `https://deploy-bot:ATBB${rng.string(ALNUM, 28)}${rng.string('0123456789ABCDEF', 8)}@bitbucket.org\n`,
    format: 'observed',
    expect: 'leak',
    source: SRC.bitbucket,
  });
  platformKey('travis-ci', 'TRAVIS_API_TOKEN', rng.string(ALNUM, 22), SRC.travis, 'name-only');
  platformKey('snyk', 'SNYK_TOKEN', uuid(rng), SRC.snyk, 'name-only');
  platformKey(
    'postman',
    'POSTMAN_API_KEY',
    `PMAK-${rng.string(HEX, 24)}-${rng.string(HEX, 34)}`,
    SRC.postman,
    'observed',
  );
  platformKey('prefect', 'PREFECT_API_KEY', `pnu_${rng.string(ALNUM, 36)}`, SRC.prefect, 'documented-prefix');
  platformKey('fastly', 'FASTLY_API_TOKEN', rng.string(URLSAFE, 32), SRC.fastly, 'name-only');
  platformKey('cloudsmith', 'CLOUDSMITH_API_KEY', rng.string(HEX, 40), SRC.cloudsmith, 'name-only');
  platformKey('jfrog', 'ARTIFACTORY_API_KEY', `AKCp${rng.string(ALNUM, 69)}`, SRC.jfrog, 'observed');
  add({
    provider: 'jfrog',
    kind: 'credential-file',
    context: 'npmrc',
    path: '.npmrc',
    text: `registry=https://acme.jfrog.io/artifactory/api/npm/npm/\n//acme.jfrog.io/artifactory/api/npm/npm/:_authToken=${b64(`reftkn:01:${2000000000}:`).slice(0, 12)}${rng.string(ALNUM, 52)}\n`,
    format: 'observed',
    expect: 'leak',
    source: SRC.jfrog,
  });
  add({
    provider: 'azure-storage',
    kind: 'credential-place',
    context: 'connection-string',
    path: 'appsettings.json',
    text: `{\n  "ConnectionStrings": {\n    "Blobs": "DefaultEndpointsProtocol=https;AccountName=shopfiles;AccountKey=${b64(rng.string(ALNUM, 64))};EndpointSuffix=core.windows.net"\n  }\n}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.azureStorage,
  });
  add({
    provider: 'azure-storage',
    kind: 'credential-place',
    context: 'sas-url',
    path: 'scripts/restore.sh',
    text: `#!/bin/sh\nazcopy copy "https://shopfiles.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=${encodeURIComponent(b64(rng.string(ALNUM, 32)))}" ./restore --recursive\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.azureSas,
  });
  platformKey(
    'google',
    'FCM_SERVER_KEY',
    `AAAA${rng.string(URLSAFE, 7)}:APA91b${rng.string(URLSAFE, 134)}`,
    SRC.fcm,
    'observed',
  );

  // Connection strings, command lines, .NET config and compose files.
  add({
    provider: 'generic',
    kind: 'credential-place',
    context: 'adonet-connection-string',
    path: 'appsettings.json',
    text: `{\n  "ConnectionStrings": {\n    "Default": "Server=db.example.com;Database=shop;User Id=shop_app;Password=${rng.string(ALNUM, 20)};TrustServerCertificate=True"\n  }\n}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.adonet,
  });
  add({
    provider: 'generic',
    kind: 'credential-place',
    context: 'jdbc-url',
    path: 'src/main/resources/application.properties',
    text: `spring.datasource.url=jdbc:postgresql://db.example.com:5432/shop?user=shop&password=${rng.string(ALNUM, 20)}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.jdbc,
  });
  add({
    provider: 'generic',
    kind: 'credential-place',
    context: 'command-line',
    path: 'scripts/backup.sh',
    text: `#!/bin/sh\nmysqldump -u backup -p${rng.string(ALNUM, 18)} shop > shop.sql\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.mysql,
  });
  add({
    provider: 'generic',
    kind: 'credential-place',
    context: 'command-line',
    path: 'scripts/restore.sh',
    text: `#!/bin/sh\nmysql --host=db.example.com --user=admin --password=${rng.string(ALNUM, 18)} shop < shop.sql\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.mysql,
  });
  add({
    provider: 'generic',
    kind: 'credential-place',
    context: 'dotnet-appsettings',
    path: 'Web.config',
    text: `<configuration>\n  <appSettings>\n    <add key="SmtpPassword" value="${rng.string(ALNUM, 20)}" />\n  </appSettings>\n</configuration>\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.appSettings,
  });
  add({
    provider: 'generic',
    kind: 'credential-place',
    context: 'network-credential',
    path: 'src/Mailer.cs',
    text: `var client = new SmtpClient("smtp.example.com");\nclient.Credentials = new NetworkCredential("mailer", "${rng.string(ALNUM, 20)}");\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.networkCredential,
  });
  add({
    provider: 'generic',
    kind: 'credential-place',
    context: 'compose-environment',
    path: 'docker-compose.yml',
    text: `services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_USER=shop\n      - POSTGRES_PASSWORD=${rng.string(ALNUM, 20)}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.postgresImage,
  });
  add({
    provider: 'generic',
    kind: 'credential-place',
    context: 'compose-environment',
    path: 'compose.yaml',
    text: `services:\n  db:\n    image: mysql:8\n    environment:\n      MYSQL_ROOT_PASSWORD: ${rng.string(ALNUM, 20)}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.compose,
  });
  add({
    provider: 'generic',
    kind: 'credential-place',
    context: 'aligned-code',
    path: 'internal/auth/client.go',
    text: `package auth\n\nvar cfg = Config{\n\tClientID:     "shop-backend",\n\tclientSecret                = "${rng.string(ALNUM, 32)}",\n}\n`,
    format: 'documented',
    expect: 'leak',
    source: SRC.gofmt,
  });
  // More AI and observability vendors: each key in its documented (or issued) shape under the variable
  // its vendor's docs use. Prefixed shapes carry `documented-prefix` or `observed`; prefix-less ones are
  // `name-only`.
  const LOWER_HEX_UUID = () => uuid(rng);
  add(
    inContexts(
      'langfuse',
      'vendor-key',
      'LANGFUSE_SECRET_KEY',
      `sk-lf-${LOWER_HEX_UUID()}`,
      SRC.langfuse,
      'documented-prefix',
    ),
  );
  add(
    inContexts(
      'cerebras',
      'vendor-key',
      'CEREBRAS_API_KEY',
      `csk-${rng.string(LOWER_ALNUM, 48)}`,
      SRC.cerebras,
      'observed',
    ),
  );
  add(
    inContexts(
      'nvidia',
      'vendor-key',
      'NVIDIA_API_KEY',
      `nvapi-${rng.string(URLSAFE, 64)}`,
      SRC.nvidia,
      'documented-prefix',
    ),
  );
  add(
    inContexts(
      'jina',
      'vendor-key',
      'JINA_API_KEY',
      `jina_${rng.string(HEX, 32)}${rng.string(URLSAFE, 28)}`,
      SRC.jina,
      'observed',
    ),
  );
  add(inContexts('voyage', 'vendor-key', 'VOYAGE_API_KEY', `pa-${rng.string(URLSAFE, 43)}`, SRC.voyage, 'observed'));
  add(
    inContexts(
      'together',
      'vendor-key',
      'TOGETHER_API_KEY',
      `tgp_v1_${rng.string(URLSAFE, 43)}`,
      SRC.together,
      'observed',
    ),
  );
  add(
    inContexts(
      'wandb',
      'vendor-key',
      'WANDB_API_KEY',
      `wandb_v1_${rng.string(ALNUM, 27)}_${rng.string(ALNUM, 49)}`,
      SRC.wandb,
      'observed',
    ),
  );
  add(
    inContexts(
      'elevenlabs',
      'vendor-key',
      'ELEVENLABS_API_KEY',
      `sk_${rng.string(HEX, 48)}`,
      SRC.elevenlabs,
      'observed',
    ),
  );
  add(inContexts('elevenlabs', 'named-key', 'XI_API_KEY', rng.string(HEX, 32), SRC.elevenlabs, 'name-only'));
  add(
    inContexts(
      'stability',
      'named-key',
      'STABILITY_API_KEY',
      `sk-${rng.string(ALNUM, 48)}`,
      SRC.stability,
      'name-only',
    ),
  );
  add(inContexts('assemblyai', 'named-key', 'ASSEMBLYAI_API_KEY', rng.string(HEX, 32), SRC.assemblyai, 'name-only'));
  add(inContexts('deepgram', 'named-key', 'DEEPGRAM_API_KEY', rng.string(HEX, 40), SRC.deepgram, 'name-only'));
  const heliconeGroup = () => rng.string(LOWER_ALNUM, 7);
  add(
    inContexts(
      'helicone',
      'vendor-key',
      'HELICONE_API_KEY',
      `sk-helicone-${heliconeGroup()}-${heliconeGroup()}-${heliconeGroup()}-${heliconeGroup()}`,
      SRC.helicone,
      'documented-prefix',
    ),
  );
  add({
    provider: 'modal',
    kind: 'named-key',
    context: 'modal-toml',
    path: '.modal.toml',
    text: `[default]\ntoken_id = "ak-${rng.string(ALNUM, 22)}"\ntoken_secret = "as-${rng.string(ALNUM, 22)}"\nactive = true\n`,
    format: 'documented-prefix',
    expect: 'leak',
    source: SRC.modal,
  });
  add(
    inContexts(
      'posthog',
      'vendor-key',
      'POSTHOG_PERSONAL_API_KEY',
      `phx_${rng.string(ALNUM, 43)}`,
      SRC.posthog,
      'documented-prefix',
    ),
  );
  add(inContexts('datadog', 'named-key', 'DD_API_KEY', rng.string(HEX, 32), SRC.datadogAgent, 'name-only'));
  add(inContexts('datadog', 'named-key', 'DD_APP_KEY', rng.string(HEX, 40), SRC.datadog, 'name-only'));
  add(
    inContexts(
      'newrelic',
      'vendor-key',
      'NEW_RELIC_API_KEY',
      `NRAK-${rng.string(UPPER_ALNUM, 27)}`,
      SRC.newrelic,
      'documented-prefix',
    ),
  );
  add(
    inContexts(
      'newrelic',
      'vendor-key',
      'NEW_RELIC_LICENSE_KEY',
      `${rng.string(HEX, 32)}FFFFNRAL`,
      SRC.newrelic,
      'observed',
    ),
  );
  add(
    inContexts(
      'honeycomb',
      'vendor-key',
      'HONEYCOMB_API_KEY',
      `hcaik_01${rng.string(LOWER_ALNUM, 56)}`,
      SRC.honeycomb,
      'documented-prefix',
    ),
  );
  add(inContexts('honeycomb', 'named-key', 'HONEYCOMB_WRITEKEY', rng.string(HEX, 32), SRC.honeycomb, 'name-only'));
  add(
    inContexts(
      'dynatrace',
      'vendor-key',
      'DT_API_TOKEN',
      `dt0c01.${rng.string(UPPER_ALNUM, 24)}.${rng.string(UPPER_ALNUM, 64)}`,
      SRC.dynatrace,
      'documented',
    ),
  );
  add(
    inContexts('pagerduty', 'named-key', 'PAGERDUTY_TOKEN', `u+${rng.string(ALNUM, 18)}`, SRC.pagerduty, 'name-only'),
  );
  add(inContexts('pagerduty', 'named-key', 'PAGERDUTY_ROUTING_KEY', rng.string(HEX, 32), SRC.pagerduty, 'name-only'));
  add(inContexts('rollbar', 'named-key', 'ROLLBAR_ACCESS_TOKEN', rng.string(HEX, 32), SRC.rollbar, 'name-only'));
  add(inContexts('bugsnag', 'named-key', 'BUGSNAG_API_KEY', rng.string(HEX, 32), SRC.bugsnag, 'name-only'));
  const uuid4 = () => {
    const u = uuid(rng);
    return `${u.slice(0, 14)}4${u.slice(15)}`;
  };
  add(inContexts('launchdarkly', 'vendor-key', 'LD_API_KEY', `api-${uuid4()}`, SRC.launchdarkly, 'documented-prefix'));
  add(
    inContexts(
      'launchdarkly',
      'vendor-key',
      'LAUNCHDARKLY_SDK_KEY',
      `sdk-${uuid4()}`,
      SRC.launchdarklySdk,
      'documented-prefix',
    ),
  );
  add(inContexts('mixpanel', 'named-key', 'MIXPANEL_API_SECRET', rng.string(ALNUM, 32), SRC.mixpanel, 'name-only'));
  add(inContexts('amplitude', 'named-key', 'AMPLITUDE_SECRET_KEY', rng.string(HEX, 32), SRC.amplitude, 'name-only'));
  add(
    inContexts(
      'llamacloud',
      'vendor-key',
      'LLAMA_CLOUD_API_KEY',
      `llx-${rng.string(ALNUM, 48)}`,
      SRC.llamacloud,
      'observed',
    ),
  );
  add(
    inContexts('firecrawl', 'vendor-key', 'FIRECRAWL_API_KEY', `fc-${rng.string(HEX, 32)}`, SRC.firecrawl, 'observed'),
  );
  add(unlistedVendorPositives(rng));
  return cases.map((c, i) => ({ id: `p${String(i).padStart(3, '0')}-${c.provider}-${c.context}`, ...c }));
}

/** The jwt.io sample token, built the way jwt.io builds it (HS256 over its sample claims and secret). */
function jwtIoSample() {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }));
  const sig = createHmac('sha256', 'your-256-bit-secret').update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/**
 * Negative cases: the noise users see most, each a thing a docs page or template really holds. A few
 * are joined from parts so this file does not trip the scan the repository runs on itself.
 */
function negatives() {
  const n = (kind, context, path, text, source) => ({
    provider: 'noise',
    kind,
    context,
    path,
    text,
    expect: 'clean',
    source,
  });
  const rsa = 'RSA PRIVATE KEY';
  // 32 hex made at run time, so this file holds no key-shaped literal.
  const searchKey = createHash('md5').update('algolia search-only key').digest('hex');
  const cases = [
    n(
      'doc-sample',
      'jwt-io-markdown',
      'docs/es/auth.md',
      `Envía el token en la cabecera:\n\n\`\`\`\nAuthorization: Bearer ${jwtIoSample()}\n\`\`\`\n`,
      SRC.jwt,
    ),
    // Public by design: a Mapbox `pk.` token and an Algolia search-only key in front-end code, and the
    // placeholders vendors' own docs print.
    n(
      'public-token',
      'frontend',
      'src/map.js',
      `mapboxgl.accessToken = 'pk.${b64url('{"u":"acme","a":"ckabc0def1ghi2jkl3mno4pqr"}')}.Qx7Lw2Nv9Rt4Ys1Zp8Km3J';\n`,
      SRC.mapbox,
    ),
    n(
      'public-token',
      'frontend',
      'src/search.js',
      `const client = algoliasearch('LATENCY', '${searchKey}');\n`,
      SRC.algolia,
    ),
    n(
      'doc-sample',
      'vendor-docs',
      'docs/email.md',
      `\`\`\`js\nconst resend = new Resend('re_xxxxxxxxx');\n\`\`\`\n\`\`\`\nCLERK_SECRET_KEY=sk_live_••••\nPAYSTACK_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\`\`\`\n`,
      SRC.resend,
    ),
    n('doc-sample', 'jwt-io-json', 'docs/api/example.json', `{ "token": "${jwtIoSample()}" }\n`, SRC.jwt),
    n(
      'truncated-pem',
      'readme',
      'charts/app/README.md',
      `Set the key:\n\n\`\`\`yaml\ntls:\n  key: |\n    ${armour('BEGIN', rsa)}\n    MIIEpAIBAAKCAQEA...\n    ${armour('END', rsa)}\n\`\`\`\n`,
      SRC.pem,
    ),
    n(
      'truncated-pem',
      'values-yaml',
      'charts/app/values.yaml',
      `privateKey: |\n  ${armour('BEGIN', 'PRIVATE KEY')}\n  ...\n  ${armour('END', 'PRIVATE KEY')}\n`,
      SRC.pem,
    ),
    n(
      'filler',
      'values-yaml',
      'charts/mariadb/values.yaml',
      `auth:\n  rootPassword: newRootPassword123\n  password: changeme\n`,
      SRC.helm,
    ),
    n('filler', 'env', '.env.example', `DB_PASSWORD=password123\nJWT_SECRET=secret\n`, SRC.compose),
    n(
      'filler',
      'compose-environment',
      'docker-compose.yml',
      `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: changeme\n`,
      SRC.postgresImage,
    ),
    n(
      'template',
      'helm',
      'charts/app/templates/secret.yaml',
      `data:\n  password: {{ .Values.auth.password | b64enc | quote }}\n  token: {{ randAlphaNum 16 | b64enc }}\n`,
      SRC.helm,
    ),
    n(
      'template',
      'github-actions',
      '.github/workflows/release.yml',
      `env:\n  NPM_TOKEN: \${{ secrets.NPM_TOKEN }}\n  OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}\n`,
      SRC.actions,
    ),
    n(
      'template',
      'jinja',
      'roles/db/templates/my.cnf.j2',
      `[client]\nuser = {{ db_user }}\npassword = {{ vault_db_password }}\n`,
      SRC.jinja,
    ),
    n('template', 'erb', 'config/database.yml', `production:\n  password: <%= ENV['DATABASE_PASSWORD'] %>\n`, SRC.erb),
    n(
      'template',
      'env-reference',
      'compose.yaml',
      `services:\n  app:\n    environment:\n      API_KEY: \${API_KEY}\n      DB_PASSWORD: \${DB_PASSWORD:?set it}\n`,
      SRC.compose,
    ),
    n(
      'placeholder',
      'url-credentials',
      'docs/install.md',
      `git clone ${['https://USERNAME', 'PERSONAL_ACCESS_TOKEN@github.com/acme/private.git'].join(':')}\n`,
      SRC.gitCredentials,
    ),
    n(
      'placeholder',
      'url-credentials',
      '.env.example',
      `DATABASE_URL=postgres://USER:PASSWORD@localhost:5432/app\n`,
      SRC.jdbc,
    ),
    n(
      'placeholder',
      'env',
      '.env.example',
      `OPENAI_API_KEY=sk-proj-your-key-here\nANTHROPIC_API_KEY=your_anthropic_api_key\n`,
      SRC.openai,
    ),
    n('placeholder', 'npmrc', '.npmrc', `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}\n`, SRC.npmrc),
    n(
      'identifier',
      'python',
      'src/client.py',
      `response = self._post(path, cast_to=httpx.Response, options=options)\n`,
      SRC.openai,
    ),
    n(
      'identifier',
      'yaml',
      'charts/app/templates/deployment.yaml',
      `tolerations:\n  - ${['key', ' node.kubernetes.io/unschedulable'].join(':')}\n    operator: Exists\n`,
      SRC.helm,
    ),
    n(
      'identifier',
      'prose',
      'docs/auth.md',
      `Pass the API Token, then call the endpoint with the returned session.\n`,
      SRC.openai,
    ),
    n('doc-sample', 'aws-docs-example', 'docs/aws.md', `aws_access_key_id = ${'AKIAIOSFODNN7'}EXAMPLE\n`, SRC.aws),
    n(
      'wrong-length',
      'gitlab',
      'ci/trigger.sh',
      `curl -X POST -F token=glptt-${'0123456789abcdef'} https://gitlab.example.com/api/v4/projects/1/trigger/pipeline\n`,
      SRC.gitlabPrefixes,
    ),
    n(
      'wrong-length',
      'pypirc',
      '.pypirc',
      `[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc...\n`,
      SRC.pypiToken,
    ),
    n(
      'placeholder',
      'env',
      '.env.example',
      [
        'MISTRAL_API_KEY=your_mistral_api_key',
        'DEEPSEEK_API_KEY=sk-...',
        'VOYAGE_API_KEY=pa-your-voyage-key-here',
        'HELICONE_API_KEY=sk-helicone-xxxxxxx-xxxxxxx-xxxxxxx-xxxxxxx',
        'MODAL_TOKEN_ID=ak-xxxxx',
        'MODAL_TOKEN_SECRET=as-xxxxx',
        'POSTHOG_PERSONAL_API_KEY=phx_YOUR_PERSONAL_KEY_HERE',
        'DD_API_KEY=<DATADOG_API_KEY>',
        '',
      ].join('\n'),
      SRC.helicone,
    ),
    n(
      'identifier',
      'c',
      'drivers/firmware.c',
      'static const char *fw_names[] = { "fw_session_hairpin", "FW_THROTTLE_ALLOWED_REQ_STS" };\n',
      SRC.fireworks,
    ),
    n(
      'identifier',
      'typescript',
      'src/client.ts',
      "const headers = { 'x-api-key': apiKey, 'api-version': '2024-06-01' };\n",
      SRC.launchdarkly,
    ),
    ...unlistedVendorNegatives(n),
  ];
  return cases.map((c, i) => ({ id: `n${String(i).padStart(3, '0')}-${c.kind}-${c.context}`, ...c }));
}

// Vendors we do not name. Made-up vendors (Zentrio, Quillpay, Nimbus, Orbitly): they model the shapes SaaS
// vendors issue — a random base62, hex or URL-safe key, sometimes behind a vendor prefix (`xx_live_`,
// `ak-`) — and the places their docs tell users to put it: a *_API_KEY variable, a client option, a custom
// header, a Bearer header, a CLI option, a URL query parameter, a Kubernetes env pair, a Dockerfile ENV,
// XML config, a setter. Only the generic rules can find these: scored apart as "vendors we don't name".
const UNLISTED_SRC =
  'made-up vendors: the key shapes and places SaaS vendors document (env variable, client option, custom header, Bearer, CLI option, query parameter)';

function unlistedVendorPositives(rng) {
  const u = (context, path, text) => ({
    provider: 'unlisted',
    kind: 'unlisted-vendor',
    context,
    path,
    text,
    format: 'name-only',
    expect: 'leak',
    source: UNLISTED_SRC,
  });
  const key = (n = 32) => rng.string(ALNUM, n);
  return [
    inContexts('unlisted', 'unlisted-vendor', 'ZENTRIO_API_KEY', key(), UNLISTED_SRC, 'name-only'),
    u(
      'client-option',
      'src/clients/quillpay.ts',
      `export const quillpay = new Quillpay({\n  quillpayToken: "${key(40)}",\n  timeout: 30_000,\n});\n`,
    ),
    u(
      'custom-header',
      'config/http.json',
      `{\n  "baseUrl": "https://api.nimbus.example",\n  "headers": { "x-nimbus-key": "${rng.string(HEX, 40)}" }\n}\n`,
    ),
    u(
      'custom-header',
      'src/orbitly.js',
      `const res = await fetch(url, {\n  headers: { 'X-Orbitly-Api-Key': '${rng.string(URLSAFE, 48)}' },\n});\n`,
    ),
    u(
      'bearer-code',
      'app/zentrio.py',
      `headers = {"Authorization": "Bearer ${key(48)}", "Accept": "application/json"}\n`,
    ),
    u(
      'bearer-config',
      'config/webhooks.yaml',
      `endpoint: https://api.zentrio.example/v1/events\nheaders:\n  Authorization: Bearer ${key(40)}\n`,
    ),
    u(
      'bearer-http-file',
      'requests/events.http',
      `GET https://api.zentrio.example/v1/events\nAuthorization: Bearer ${key(40)}\n`,
    ),
    u('cli-option', 'scripts/deploy.sh', `#!/bin/sh\nquillpay deploy --api-key ${key(32)} --region eu\n`),
    u(
      'cli-option',
      '.github/workflows/release.yml',
      `jobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: nimbus publish --token ${rng.string(HEX, 40)}\n`,
    ),
    u(
      'url-query',
      'app/orders.py',
      `r = requests.get("https://api.quillpay.example/v2/orders?api_key=${key(32)}&limit=10")\n`,
    ),
    u(
      'url-query',
      'scripts/ingest.sh',
      `curl "https://hooks.orbitly.example/ingest?source=ci&token=${rng.string(URLSAFE, 40)}"\n`,
    ),
    u(
      'url-query',
      'src/feed.js',
      `const feed = await fetch(\`https://graph.zentrio.example/me/feed?access_token=${key(60)}\`);\n`,
    ),
    u('unknown-prefix', '.env', `QUILLPAY_SECRET_KEY=qp_live_${key(32)}\n`),
    u('unknown-prefix', 'config/orbitly.yaml', `orbitly:\n  apiKey: "ak-${key(40)}"\n`),
    u('unknown-prefix-bare', 'src/billing.ts', `const client = new Quillpay("qp_live_${key(32)}", { retries: 2 });\n`),
    u(
      'kubernetes-env',
      'k8s/deployment.yaml',
      `      containers:\n        - name: api\n          env:\n            - name: ZENTRIO_API_KEY\n              value: "${key(32)}"\n`,
    ),
    u(
      'task-definition',
      'ecs/task.json',
      `{\n  "environment": [\n    { "name": "NIMBUS_TOKEN", "value": "${rng.string(HEX, 40)}" }\n  ]\n}\n`,
    ),
    u(
      'dockerfile-env',
      'Dockerfile',
      `FROM node:22-alpine\nENV ORBITLY_API_KEY ${key(40)}\nCMD ["node", "server.js"]\n`,
    ),
    u(
      'xml-config',
      'src/main/resources/zentrio.xml',
      `<zentrio>\n  <endpoint>https://api.zentrio.example</endpoint>\n  <apiKey>${key(32)}</apiKey>\n</zentrio>\n`,
    ),
    u(
      'android-strings',
      'app/src/main/res/values/keys.xml',
      `<resources>\n    <string name="nimbus_api_key" translatable="false">${key(32)}</string>\n</resources>\n`,
    ),
    u(
      'setter',
      'src/main/java/shop/Billing.java',
      `QuillpayClient client = new QuillpayClient();\nclient.setApiKey("${key(32)}");\n`,
    ),
  ].flat();
}

/** Noise in the same places: what docs and templates put where an unnamed vendor's key goes. */
function unlistedVendorNegatives(n) {
  return [
    n('placeholder', 'cli-option', 'README.md', `quillpay deploy --api-key <your-api-key>\n`, UNLISTED_SRC),
    n('template', 'cli-option', 'scripts/deploy.sh', `quillpay deploy --api-key "$QUILLPAY_API_KEY"\n`, UNLISTED_SRC),
    n(
      'placeholder',
      'url-query',
      'docs/orders.md',
      `GET https://api.quillpay.example/v2/orders?api_key=YOUR_API_KEY&limit=10\n`,
      UNLISTED_SRC,
    ),
    n(
      'public-token',
      'badge',
      'README.md',
      `[![coverage](https://codecov.io/gh/acme/app/branch/main/graph/badge.svg?token=Q7ZK2MUD4X)](https://codecov.io/gh/acme/app)\n`,
      UNLISTED_SRC,
    ),
    n(
      'template',
      'kubernetes-env',
      'k8s/deployment.yaml',
      `          env:\n            - name: ZENTRIO_API_KEY\n              valueFrom:\n                secretKeyRef:\n                  name: zentrio\n                  key: api-key\n`,
      UNLISTED_SRC,
    ),
    n(
      'template',
      'helm-env',
      'charts/app/templates/deployment.yaml',
      `            - name: ZENTRIO_API_KEY\n              value: {{ .Values.zentrio.apiKey | quote }}\n`,
      UNLISTED_SRC,
    ),
    n('placeholder', 'bearer', 'docs/auth.md', `Authorization: Bearer <your-token>\n`, UNLISTED_SRC),
    n('identifier', 'getter', 'src/Vault.java', `String token = vault.getToken("zentrio-production");\n`, UNLISTED_SRC),
    n(
      'template',
      'xml-config',
      'settings.xml',
      `<server>\n  <password>\${env.DEPLOY_PASSWORD}</password>\n</server>\n`,
      UNLISTED_SRC,
    ),
    n(
      'filler',
      'kubernetes-secret',
      'charts/app/templates/secret.yaml',
      `kind: Secret\ndata:\n  username: ${b64('admin')}\n  password: ${b64('password\n')}\n`,
      UNLISTED_SRC,
    ),
    n(
      'doc-sample',
      'counted-words',
      'docs/api-keys.md',
      `apiKeys:\n  myKey: ${['some123valid456api789', 'key1011for1213api1415gateway'].join('')}\n`,
      UNLISTED_SRC,
    ),
    n(
      'doc-sample',
      'url-credentials',
      'lib/vault.js',
      `throw new Error("Must be a uri like dotenv://:${'key_1234'}@dotenv.org/vault/.env.vault?environment=development")\n`,
      UNLISTED_SRC,
    ),
    n(
      'identifier',
      'signature-header',
      'docs/events.md',
      `"Authorization": "q-sign-algorithm=sha1&q-ak=${'AKID'}Qm6iUh2NJ6jL41tVUis9KpY5Rgv&q-sign-time=1545205709;1545215769"\n`,
      UNLISTED_SRC,
    ),
    n(
      'placeholder',
      'unknown-prefix',
      '.env.example',
      `QUILLPAY_SECRET_KEY=qp_live_xxxxxxxxxxxxxxxxxxxxxxxx\n`,
      UNLISTED_SRC,
    ),
  ];
}

/** Every case of the recall set for one seed: the same seed gives the same cases. */
export function makeCases(seed = 1) {
  return [...positives(seededRng(seed), seed), ...negatives()];
}
