import { defineProvider } from './provider.js';

/** PEM private keys: whose key it is (a certificate, SSH, a cloud service account) the text does not say. */
export const privatekey = defineProvider({ id: 'privatekey', name: 'Private key', aliases: [], nameless: true });
