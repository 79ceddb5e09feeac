import type { Detector } from './detector.js';
import { BASE64, URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { azureStorage } from '../providers/azure-storage.js';

const remediation = azureStorage.remediation;

// Account keys: 64 random bytes in base64, 88 characters ending `==`, written as `AccountKey=` in a
// connection string or under an `AZURE_STORAGE_KEY`-like name
// (https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string).
// The value alone is any base64 run, so it counts only in a short window after those names.
export const azureStorageAccountKey: Detector = {
  id: 'azure-storage-account-key',
  provider: 'other',
  keyKind: 'Azure Storage account key',
  severity: 'critical',
  confidence: 'low',
  risk: 'A storage account key reads, writes and deletes every blob, file share, queue and table of the account, and signs SAS tokens for them.',
  remediation,
  keywords: ['accountkey', 'azure_storage', 'azurestorage'],
  pattern: /(?<![A-Za-z0-9+/])(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/g,
  window: { before: 8, after: 240 },
  validate: (s) => isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(BASE64, 40)}Kd9${rng.string(BASE64, 43)}==`],
    negative: [`${'A'.repeat(86)}==`, 'your_storage_account_key'],
    assignedTo: 'AZURE_STORAGE_KEY',
  },
};

// Shared access signatures: a URL query `sv=<version>&…&sig=<HMAC>`; the signature is what grants
// access (https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas).
export const azureStorageSasToken: Detector = {
  id: 'azure-storage-sas-token',
  provider: 'other',
  keyKind: 'Azure Storage shared access signature',
  severity: 'high',
  risk: 'A SAS grants whatever reads, writes or deletes its permissions name on the storage account’s resources until it expires.',
  remediation,
  keywords: ['sig='],
  pattern:
    /(?<![A-Za-z0-9])sv=\d{4}-\d{2}-\d{2}(?:&(?:amp;)?[a-z]{2,5}=[A-Za-z0-9%:._+-]{1,64}){0,12}&(?:amp;)?sig=(?<secret>[A-Za-z0-9%+/]{40,100})/g,
  window: { before: 900, after: 110 },
  validate: (s) => isMixedAlnum(decodeURIComponent(s.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'))),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `https://acct.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=${rng.string(URLSAFE.replace(/[_-]/g, ''), 20)}Rb4${rng.string(URLSAFE.replace(/[_-]/g, ''), 20)}%3D`,
    ],
    negative: [
      'https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX%3D',
      '?sv=2022-11-02&sig=<signature>',
    ],
  },
};
