import luhn10 from 'card-validator/dist/luhn-10.js';

/** The Luhn (mod 10) check of a string of ASCII digits, card-validator's own. */
export function passesLuhn(digits: string): boolean {
  return digits.length > 0 && luhn10(digits);
}
