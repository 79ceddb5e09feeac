import { isPlaceholder } from './placeholder.js';

// Passwords that documentation and templates put in URLs and commands: never a leak on their own.
const DOC_PASSWORDS =
  /^(?:password|passwd|pwd|secret|mypassword|mysecret|changeme|token|apikey|api_key|pass(?:word)?\d{0,3}|test|admin|root|guest|demo)$/i;

/** A password that is really set, not a template slot, a doc filler or the user name again. */
export function isRealPassword(password: string, user = ''): boolean {
  if (password.length < 4 || password === user) return false;
  if (/^[$%{<[(]|\$\{|\{\{|\$\(|^\*+$/.test(password)) return false;
  if (DOC_PASSWORDS.test(password) || (/password/i.test(password) && !/\d/.test(password))) return false;
  return !isPlaceholder(password) && new Set(password).size > 2;
}
