// Character sets the positive-example generators draw from.
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = `${UPPER}${LOWER}${DIGITS}`;
export const URLSAFE = `${ALNUM}_-`;
export const BASE64 = `${ALNUM}+/`;
export const HEX = '0123456789abcdef';
