import { describe, expect, it } from 'vitest';
import { ALNUM, HEX } from '../../src/detectors/alphabets.js';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { makeKey } from '../support/make-keys.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const found = (path: string, text: string): string[] => scan({ path, text, startLine: 1 }).map((f) => f.detector);

describe('vendors whose keys share a prefix with Stripe', () => {
  const rng = seededRng(5);
  const stripeKey = makeKey('stripe-live-key', 3);
  const clerkKey = makeKey('clerk-secret-key', 3);
  const paystackKey = makeKey('paystack-secret-key', 3);

  it('keeps a Stripe key Stripe’s, whatever other names sit in the file', () => {
    expect(found('.env', `STRIPE_SECRET_KEY=${stripeKey}\n`)).toEqual(['stripe-live-key']);
    expect(found('.env', `CLERK_PUBLISHABLE_KEY=pk_live_abc\nSTRIPE_SECRET_KEY=${stripeKey}\n`)).toEqual([
      'stripe-live-key',
    ]);
    expect(found('.env', `PAYSTACK_PUBLIC_KEY=pk_live_abc\nSTRIPE_SECRET_KEY=${stripeKey}\n`)).toEqual([
      'stripe-live-key',
    ]);
  });

  it('names the vendor when the key sits under a Clerk or Paystack name, once', () => {
    expect(found('.env', `CLERK_SECRET_KEY=${clerkKey}\n`)).toEqual(['clerk-secret-key']);
    expect(found('.env', `PAYSTACK_SECRET_KEY=${paystackKey}\n`)).toEqual(['paystack-secret-key']);
    expect(found('src/config.ts', `export const clerkSecretKey = '${clerkKey}';\n`)).toEqual(['clerk-secret-key']);
  });

  it('still finds a Clerk-shaped key under a name that says nothing, as a Stripe-style key', () => {
    expect(found('.env', `SECRET_KEY=sk_live_${rng.string(ALNUM, 20)}Qz7${rng.string(ALNUM, 20)}\n`)).toHaveLength(1);
  });
});

describe('name-anchored vendor keys', () => {
  it('name the vendor rather than the generic rule, in aligned code too', () => {
    const token = makeKey('twilio-auth-token', 4);
    expect(found('.env', `TWILIO_AUTH_TOKEN=${token}\n`)).toEqual(['twilio-auth-token']);
    expect(
      found(
        'internal/config/defaults.go',
        `const (\n\tDefaultRegion            = "us1"\n\tTwilioAuthToken          = "${token}"\n)\n`,
      ),
    ).toEqual(['twilio-auth-token']);
    expect(found('config.yml', `zendesk:\n  zendesk_api_token: ${makeKey('zendesk-api-token', 2)}\n`)).toEqual([
      'zendesk-api-token',
    ]);
  });

  it('leave a public Algolia search key and a Mapbox public token alone', () => {
    const rng = seededRng(9);
    expect(found('.env', `ALGOLIA_SEARCH_KEY=${rng.string(HEX, 15)}a7${rng.string(HEX, 15)}\n`)).not.toContain(
      'algolia-admin-key',
    );
    const secret = makeKey('mapbox-secret-token', 2);
    expect(found('.env', `MAPBOX_TOKEN=${secret}\n`)).toEqual(['mapbox-secret-token']);
    expect(found('src/map.ts', `mapboxgl.accessToken = '${secret.replace(/^sk\./, 'pk.')}';\n`)).toEqual([]);
  });

  it('find a Telegram token in the Bot API URL and a Discord token near the word Discord only', () => {
    const token = makeKey('telegram-bot-token', 2);
    expect(found('bot.py', `requests.get(f"https://api.telegram.org/bot${token}/getMe")\n`)).toEqual([
      'telegram-bot-token',
    ]);
    const bot = makeKey('discord-bot-token', 2);
    expect(found('bot.js', `const client = new Discord.Client();\nclient.login('${bot}');\n`)).toEqual([
      'discord-bot-token',
    ]);
    expect(found('notes.txt', `${'filler line\n'.repeat(60)}${bot}\n`)).not.toContain('discord-bot-token');
  });
});

describe('hostile lines for the new vendor patterns', () => {
  const MB = 1_000_000;
  const lines: [string, string][] = [
    ['sl.', `sl.${'a'.repeat(MB)}`],
    ['sl.a… repeated', `sl.${'a'.repeat(1500)}`.repeat(MB / 1500)],
    ['AQE', `AQE${'A'.repeat(MB)}`],
    ['calendly names', 'calendly_token=eyJ'.repeat(MB / 18)],
    ['calendly JWT', `calendly_token=eyJ${'a'.repeat(MB / 2)}.eyJ${'a'.repeat(MB / 2)}`],
    ['discord', `discord ${'M'.repeat(MB)}`],
    ['discord dots', `discord ${'MTAxMjM0NTY3ODkwMTIzNDU2.'.repeat(MB / 25)}`],
    ['twilio names', 'twilio_auth_token: '.repeat(MB / 19)],
    ['telegram', `telegram ${'1234567890:'.repeat(MB / 11)}`],
    ['teams', `https://a.webhook.office.com/webhookb2/${'0'.repeat(MB)}`],
    ['re_', 're_'.repeat(MB / 3)],
    ['key-', `key-${'a'.repeat(MB)}`],
  ];

  it.each(lines)(
    'scans a 1 MB line of %s',
    (_name, line) => {
      const started = performance.now();
      found('big.txt', line);
      expect(performance.now() - started).toBeLessThan(20_000);
    },
    30_000,
  );
});
