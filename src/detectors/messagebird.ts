import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasTwoClasses } from './token-shape.js';
import { messagebird } from '../providers/messagebird.js';

// Access keys are 25 base62 characters (live and test alike, https://developers.messagebird.com/api/#authentication):
// only a MessageBird name says whose.
export const messagebirdAccessKey: Detector = {
  id: 'messagebird-access-key',
  provider: 'other',
  keyKind: 'MessageBird access key',
  severity: 'high',
  confidence: 'low',
  risk: 'A MessageBird access key sends SMS and voice messages billed to the account and reads its contacts and message history.',
  remediation: messagebird.remediation,
  keywords: ['messagebird', 'message_bird', 'message-bird'],
  pattern: namedValue('message[_.-]?bird[A-Za-z0-9_.-]{0,24}?(?:key|token)', '[A-Za-z0-9]{25}'),
  window: namedWindow(25),
  validate: (s) => hasTwoClasses(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 11)}x7${rng.string(ALNUM, 12)}`],
    negative: ['XXXXXXXXXXXXXXXXXXXXXXXXX', 'YOUR_ACCESS_KEY'],
    assignedTo: 'MESSAGEBIRD_ACCESS_KEY',
  },
};
