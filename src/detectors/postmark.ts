import type { Detector, Rng } from './detector.js';
import { HEX } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { postmark } from '../providers/postmark.js';

const uuid = (rng: Rng): string => [8, 4, 4, 4, 12].map((n) => rng.string(HEX, n)).join('-');

// Server and account tokens are UUIDs, sent in `X-Postmark-Server-Token` / `X-Postmark-Account-Token`
// (https://postmarkapp.com/developer/api/overview#authentication): only the Postmark name says whose.
export const postmarkToken: Detector = {
  id: 'postmark-token',
  provider: 'other',
  keyKind: 'Postmark server or account token',
  severity: 'high',
  confidence: 'low',
  risk: 'A Postmark server token sends mail from the server’s verified senders and reads its message history; an account token manages every server.',
  remediation: postmark.remediation,
  keywords: ['postmark'],
  pattern: namedValue(
    'postmark[A-Za-z0-9_.-]{0,24}?(?:token|key|secret)',
    '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  ),
  window: namedWindow(36),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [uuid(rng)],
    negative: ['00000000-0000-0000-0000-000000000000', 'POSTMARK_API_TEST', 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'],
    assignedTo: 'POSTMARK_SERVER_TOKEN',
  },
};
