import type { Detector } from './detector.js';
import { BASE64, DIGITS, UPPER } from './alphabets.js';
import { aws } from '../providers/aws.js';

const remediation = aws.remediation;

const BASE32 = `${UPPER}234567`;

export const awsAccessKeyId: Detector = {
  id: 'aws-access-key-id',
  provider: 'aws',
  keyKind: 'AWS access key ID',
  severity: 'high',
  risk: 'An access key ID names an IAM credential; beside its secret it acts with every permission of that user or role.',
  remediation,
  keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
  // AKIA long-term, ASIA temporary (STS), ABIA/ACCA service; 16 base32 characters follow the prefix.
  pattern: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])/g,
  redactPrefix: (s) => s.slice(0, 4),
  // Letters only (DNA, shouting prose) or a handful of distinct characters is not a key.
  validate: (s) => /[2-7]/.test(s.slice(4)) && new Set(s.slice(4)).size >= 8,
  examples: {
    positive: (rng) => [
      `AKIA${rng.string(BASE32, 12)}${rng.string('234567', 2)}${rng.string(BASE32, 2)}`,
      `ASIA${rng.string(BASE32, 13)}${rng.string('234567', 1)}${rng.string(BASE32, 2)}`,
    ],
    negative: [
      'AKIAIOSFODNN7EXAMPLE',
      'AKIAXXXXXXXXXXXXXXXX',
      'TODAYINASIAASACKOFRICEFELLOVER',
      'ACCAGTTACCAGTTACCAGTTA',
    ],
  },
};

export const awsSecretAccessKey: Detector = {
  id: 'aws-secret-access-key',
  provider: 'aws',
  keyKind: 'AWS secret access key',
  severity: 'critical',
  confidence: 'low',
  risk: 'A secret access key signs AWS API calls with every permission of its IAM user or role.',
  remediation,
  keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_secret', 'aws-secret', 'awssecret'],
  // 40 base64 characters, only beside an aws_secret_access_key-like name: alone they are any base64 run.
  pattern:
    /(?<name>aws[_-]?secret(?:[_-]?access)?(?:[_-]?key)?|secret[_-]?access[_-]?key)\\?["']?\s{0,4}(?::=|=>|=|:|,)\s{0,4}\\?["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
  redactPrefix: () => '',
  minEntropy: 4,
  examples: {
    positive: (rng) => [rng.string(BASE64, 38) + rng.string(DIGITS, 2)],
    negative: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'R6WCNd0erkAuZyD+Fe8C4IwjpYQtniKqnHAzE7Pk5fPrBRpwOnuYxA=='],
    assignedTo: 'AWS_SECRET_ACCESS_KEY',
  },
};

// Bedrock API keys: long-lived ones are `ABSK` + base64("BedrockAPIKey-…"), short-lived ones are
// `bedrock-api-key-` + base64 of a presigned bedrock.amazonaws.com URL.
// https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html
const LONG_LIVED_HEAD = 'ABSKQmVkcm9ja0FQSUtleS';
// The short-lived head is a key's own start (base64 of "bedrock.amazonaws.com"), so it is computed, not written here.
const SHORT_LIVED_HEAD = `bedrock-api-key-${Buffer.from('bedrock.amazonaws.com').toString('base64')}`;

export const awsBedrockApiKey: Detector = {
  id: 'aws-bedrock-api-key',
  provider: 'aws',
  keyKind: 'Amazon Bedrock API key',
  severity: 'high',
  risk: 'A Bedrock API key calls foundation models billed to the account, and may read the account’s model customisations.',
  remediation:
    'Delete the key in the IAM console (the user’s "API keys for Amazon Bedrock") or let the short-lived one expire and revoke ' +
    'its session — deleting the commit does not make it safe. Issue a new key, update the environment secret, and check ' +
    'CloudTrail for Bedrock calls you did not make.',
  keywords: [LONG_LIVED_HEAD.toLowerCase(), 'bedrock-api-key-'],
  pattern: new RegExp(
    `(?<![A-Za-z0-9+/])(?<secret>${LONG_LIVED_HEAD}[A-Za-z0-9+/]{80,200}={0,2}|${SHORT_LIVED_HEAD}[A-Za-z0-9+/_-]{0,3000}={0,2})(?![A-Za-z0-9+/=])`,
    'g',
  ),
  redactPrefix: (s) => (s.startsWith('ABSK') ? 'ABSK' : 'bedrock-api-key-'),
  examples: {
    positive: (rng) => [
      `${LONG_LIVED_HEAD}1${rng.string(BASE64, 107)}=`,
      `${SHORT_LIVED_HEAD}vP0FjdGlvbj1DYWxsV2l0aEJlYXJlclRva2Vu${rng.string(BASE64, 300)}`,
    ],
    negative: [
      `${LONG_LIVED_HEAD}1EXAMPLE`,
      `AXSK${LONG_LIVED_HEAD.slice(4)}1${'EXAMPLE'.repeat(15)}=`,
      'bedrock-api-key-',
    ],
  },
};
