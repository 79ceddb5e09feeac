import { detectors } from '../../detectors/registry.js';
import type { Provider } from '../../types.js';

/** A GitHub secret scanning type Key Hygiene opens incidents for, as our own detector sees it. */
export interface TrackedSecretType {
  /** GitHub's `secret_type`, e.g. `openai_api_key`. */
  secretType: string;
  /** Our detector for that kind of key: its remediation goes into the incident. */
  detector: string;
  provider: Provider;
  /** What the incident calls it, e.g. "OpenAI API key". */
  keyKind: string;
}

/**
 * GitHub's `secret_type` → our detector and the name the incident uses. Names checked against
 * GitHub's supported-patterns list (github/docs, src/secret-scanning/data/public-docs.yml);
 * https://docs.github.com/code-security/secret-scanning/introduction/supported-secret-scanning-patterns
 * GitHub's types are coarser than our detectors (one `openai_api_key` for every OpenAI shape, one
 * `slack_api_token` for every `xox` token): the detector named is the one whose remediation fits,
 * and all of a provider's detectors share it. Stripe test-mode keys are left out on purpose: a push
 * of one opens no incident either (low severity). Types not listed are ignored.
 */
const TABLE: ReadonlyArray<readonly [secretType: string, detector: string, keyKind: string]> = [
  ['anthropic_admin_api_key', 'anthropic-admin-key', 'Anthropic admin key'],
  ['anthropic_api_key', 'anthropic-api-key', 'Anthropic API key'],
  ['aws_access_key_id', 'aws-access-key-id', 'AWS access key ID'],
  ['aws_secret_access_key', 'aws-secret-access-key', 'AWS secret access key'],
  ['azure_openai_key', 'azure-openai-key', 'Azure OpenAI key'],
  ['figma_pat', 'figma-access-token', 'Figma personal access token'],
  ['github_app_installation_access_token', 'github-token', 'GitHub App installation token'],
  ['github_oauth_access_token', 'github-token', 'GitHub OAuth access token'],
  ['github_personal_access_token', 'github-token', 'GitHub personal access token'],
  ['github_refresh_token', 'github-token', 'GitHub refresh token'],
  ['gitlab_access_token', 'gitlab-token', 'GitLab access token'],
  ['google_api_key', 'google-api-key', 'Google API key'],
  ['google_gemini_api_key', 'google-api-key', 'Google Gemini API key'],
  ['groq_api_key', 'groq-api-key', 'Groq API key'],
  ['hf_org_api_key', 'huggingface-org-token', 'Hugging Face organization API token'],
  ['hf_user_access_token', 'huggingface-access-token', 'Hugging Face user access token'],
  ['linear_api_key', 'linear-api-key', 'Linear API key'],
  ['mailchimp_api_key', 'mailchimp-api-key', 'Mailchimp API key'],
  ['npm_access_token', 'npm-access-token', 'npm access token'],
  ['openai_api_key', 'openai-project-key', 'OpenAI API key'],
  ['perplexity_api_key', 'perplexity-api-key', 'Perplexity API key'],
  ['sendgrid_api_key', 'sendgrid-api-key', 'SendGrid API key'],
  ['slack_api_token', 'slack-bot-token', 'Slack API token'],
  ['slack_incoming_webhook_url', 'slack-webhook-url', 'Slack incoming webhook URL'],
  ['stripe_api_key', 'stripe-live-key', 'Stripe API key'],
  ['stripe_live_restricted_key', 'stripe-live-key', 'Stripe live restricted key'],
  ['stripe_webhook_signing_secret', 'stripe-webhook-secret', 'Stripe webhook signing secret'],
];

const BY_TYPE = new Map(
  TABLE.map(([secretType, detector, keyKind]) => {
    const provider = detectors.find((d) => d.id === detector)?.provider ?? 'other';
    return [secretType, { secretType, detector, provider, keyKind }];
  }),
);

/** Every type in the table, sorted (tests check each names a real detector). */
export const TRACKED_SECRET_TYPES: readonly TrackedSecretType[] = [...BY_TYPE.values()];

/** The tracked type for GitHub's `secret_type`, or undefined for one Key Hygiene does not know. */
export function trackedSecretType(secretType: string | undefined): TrackedSecretType | undefined {
  return secretType === undefined ? undefined : BY_TYPE.get(secretType);
}
