// Checks on a token body that its shape alone cannot express: real tokens are random, and random
// base62 of this length holds every character class, while identifiers and prose do not.

/** Upper case, lower case and a digit: a random base62 body of 20+ characters. */
export const isMixedAlnum = (s: string): boolean => /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s);

/** A letter and a digit: a random hex or lower-case base36 body. */
export const hasLetterAndDigit = (s: string): boolean => /[A-Za-z]/.test(s) && /[0-9]/.test(s);

/**
 * Two of upper case, lower case and digits: a short random base62 body (16 to 24 characters) lacks
 * one class often enough (a digit-free 16-character draw is 1 in 17) that all three cannot be required.
 */
export const hasTwoClasses = (s: string): boolean => [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(s)).length >= 2;
