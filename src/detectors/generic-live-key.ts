import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { shannonEntropy } from './entropy.js';
import { genericSecret } from './generic.js';
import { isMixedAlnum } from './token-shape.js';

// `<vendor>_live_<random>`: the live-mode secret key convention Stripe made common (`sk_live_`), which
// payment and SaaS vendors reuse with their own short prefix (`rzp_live_`, `pdl_live_`, `qp_live_`). Found
// bare, with no name beside it: in a client's constructor, a curl line, a log. Publishable keys (`pk_`,
// `pub_`) are public by design; Stripe's (`sk_`, `rk_`) are its own detector's. The generic rules leave
// `…_live_` values to this one (PROVIDER_PREFIX).
export const genericLiveKey: Detector = {
  id: 'generic-live-key',
  provider: 'generic',
  keyKind: 'Live-mode secret key of an unnamed vendor (<prefix>_live_…)',
  severity: 'high',
  risk: 'A live-mode secret key acts on the vendor account in production: payments, customers, data, whatever the vendor exposes.',
  remediation: genericSecret.remediation,
  keywords: ['_live_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>[a-z]{2,12}_live_[A-Za-z0-9]{20,120})(?![A-Za-z0-9_-])/g,
  window: { before: 16, after: 136 },
  validate: (secret) => {
    if (/^(?:[sr]k|pk|pub|publishable)_/.test(secret)) return false;
    const body = secret.slice(secret.indexOf('_live_') + 6);
    return isMixedAlnum(body) && shannonEntropy(body) >= 3.5;
  },
  examples: {
    positive: (rng) => [`qp_live_${rng.string(ALNUM, 32)}`],
    negative: [
      'qp_live_xxxxxxxxxxxxxxxxxxxxxxxx',
      'qp_live_YOUR_SECRET_KEY_HERE',
      'pk_live_51HqLyjWDarjtT1zdp7dcXyZ',
      'is_live_environment_enabled_flag',
    ],
  },
};
