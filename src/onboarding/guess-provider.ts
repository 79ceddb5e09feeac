/**
 * Providers a secret's name can name, each with the word sequences that name it. A vendor whose id
 * is one word names itself (`SENTRY_DSN` → sentry); the table lists only the other spellings.
 */
const PHRASES: ReadonlyArray<readonly [provider: string, phrases: readonly string[]]> = [
  ['openai', ['OPENAI', 'OPEN_AI']],
  ['azure-openai', ['AZURE_OPENAI', 'AOAI']],
  ['anthropic', ['ANTHROPIC', 'CLAUDE']],
  ['aws', ['AWS', 'BEDROCK']],
  ['github', ['GITHUB', 'GH']],
  ['google', ['GOOGLE', 'GCP', 'GEMINI', 'FIREBASE']],
  ['huggingface', ['HUGGINGFACE', 'HUGGING_FACE', 'HF']],
  ...['npm', 'stripe', 'slack', 'gitlab', 'sentry', 'cloudflare', 'vercel', 'heroku', 'linear', 'notion', 'figma', 'mailchimp', 'sendgrid', 'shopify', 'square', 'groq', 'perplexity', 'databricks', 'docker', 'tailscale', 'grafana', 'pypi']
    .map((id) => [id, [id.toUpperCase()]] as const),
];

/**
 * The provider a secret's name names, as a policy's `provider:` (the onboarding pull request's starter
 * config is prefilled with it): the longest phrase found as whole words wins, so `AZURE_OPENAI_KEY`
 * is Azure OpenAI's and `OPENAIRE_KEY` is nobody's. Undefined when no provider is named.
 */
export function guessProvider(secretName: string): string | undefined {
  const words = secretName.toUpperCase().split(/_+/).filter(Boolean);
  let best: { provider: string; length: number } | undefined;
  for (const [provider, phrases] of PHRASES) {
    for (const phrase of phrases) {
      const want = phrase.split('_');
      const found = words.some((_, i) => want.every((word, j) => words[i + j] === word));
      if (found && want.length > (best?.length ?? 0)) best = { provider, length: want.length };
    }
  }
  return best?.provider;
}
