import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const age = defineProvider({
  id: 'age',
  name: 'age',
  aliases: [],
  remediation: revokeAt(
    'every place the recipient is listed (`.sops.yaml`, recipients files): generate a new identity with `age-keygen`',
    're-encrypt the data to the new recipient, rotate the secrets the old key protected, since anything already copied stays readable',
  ),
  rotation: { url: 'https://github.com/FiloSottile/age' },
});
