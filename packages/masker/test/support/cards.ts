/**
 * Test card numbers and the ways people write them, shared by the masker's tests. The Luhn check here is
 * written independently of the package's own, so the tests do not grade the code with itself.
 */

import { withCheckDigit } from '../../../../test-support/luhn.js';

export { withCheckDigit };

/** Whether a string of ASCII digits passes the Luhn check. */
export function luhnValid(digits: string): boolean {
  return withCheckDigit(digits.slice(0, -1)) === digits;
}

/** A Luhn-valid number of `length` digits starting with `prefix`, filled with fixed, varied digits. */
export function cardNumber(prefix: string, length: number): string {
  let body = prefix;
  for (let index = 0; body.length < length - 1; index++) body += String((index * 7 + 3) % 10);
  return withCheckDigit(body);
}

/** The same number with its check digit changed, so it fails the Luhn check. */
export function breakCheckDigit(digits: string): string {
  return digits.slice(0, -1) + String((Number(digits.at(-1)) + 1) % 10);
}

/** How cards of each length are printed: Amex 4-6-5, Diners 4-6-4, most others in fours. */
const GROUPS: Readonly<Record<number, readonly number[]>> = {
  12: [4, 4, 4],
  13: [4, 3, 3, 3],
  14: [4, 6, 4],
  15: [4, 6, 5],
  16: [4, 4, 4, 4],
  17: [4, 4, 4, 5],
  18: [4, 4, 4, 6],
  19: [4, 4, 4, 4, 3],
};

/** The number cut into its printed groups. */
export function groupsOf(digits: string): string[] {
  const sizes = GROUPS[digits.length];
  if (!sizes) throw new Error(`no grouping for ${digits.length} digits`);
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(digits.slice(at, at + size));
    at += size;
  }
  return groups;
}

/** ASCII digits turned into full-width ones (U+FF10 to U+FF19); everything else is kept. */
export function fullWidth(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
}

/** ASCII digits written in the script whose zero is `zero` (U+0660 Arabic-Indic, U+0966 Devanagari...). */
export function inScript(text: string, zero: number): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(zero + Number(digit)));
}

/** Whether a character is a digit the masker reads. */
export function isDigit(character: string): boolean {
  // A decimal digit of any script, one UTF-16 unit long: what the masker reads as a digit.
  return character.length === 1 && /\p{Nd}/u.test(character);
}

/** `written` with every digit but the last four (and the first `keepFirst`) replaced by `mask`. */
export function masked(written: string, mask = '•', keepFirst = 0): string {
  const total = [...written].filter(isDigit).length;
  let seen = 0;
  return [...written]
    .map((character) => {
      if (!isDigit(character)) return character;
      seen++;
      return seen <= keepFirst || seen > total - 4 ? character : mask;
    })
    .join('');
}

export type Brand =
  | 'visa'
  | 'mastercard'
  | 'american-express'
  | 'diners-club'
  | 'discover'
  | 'jcb'
  | 'unionpay'
  | 'maestro'
  | 'elo'
  | 'mir'
  | 'hiper'
  | 'hipercard'
  | 'naranja'
  | 'verve'
  | 'troy';

/**
 * Per brand: prefixes that settle the brand whatever digits follow (credit-card-type picks the most
 * specific pattern, so e.g. Visa avoids 401178, an Elo range, and Maestro avoids 6011, Discover's), and
 * the lengths the brand allows (credit-card-type's tables, plus 13-digit Visa).
 */
export const BRAND_RANGES: Readonly<Record<Brand, { prefixes: readonly string[]; lengths: readonly number[] }>> = {
  visa: { prefixes: ['42', '44', '46', '48'], lengths: [13, 16, 18, 19] },
  mastercard: { prefixes: ['51', '53', '54', '55', '2221', '23', '26', '2720'], lengths: [16] },
  'american-express': { prefixes: ['34', '37'], lengths: [15] },
  'diners-club': { prefixes: ['300', '305', '36', '38', '39'], lengths: [14, 16, 19] },
  discover: { prefixes: ['6011', '644', '649'], lengths: [16, 19] },
  jcb: { prefixes: ['3528', '3566', '3589'], lengths: [16, 17, 18, 19] },
  unionpay: { prefixes: ['620', '624', '810', '8150', '8171'], lengths: [14, 15, 16, 17, 18, 19] },
  maestro: { prefixes: ['5018', '57', '6304', '6759'], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  elo: { prefixes: ['401178', '438935', '504175', '509', '636368', '650031'], lengths: [16] },
  mir: { prefixes: ['2200', '2204'], lengths: [16, 17, 18, 19] },
  hiper: { prefixes: ['637095', '637568', '637599', '63737423'], lengths: [16] },
  hipercard: { prefixes: ['606282'], lengths: [16] },
  naranja: { prefixes: ['589562', '402918', '527572'], lengths: [16] },
  verve: { prefixes: ['506099', '506127', '507865', '507941'], lengths: [16, 18, 19] },
  troy: { prefixes: ['9792', '650052', '658758', '65083700'], lengths: [16] },
};

/**
 * Test numbers of every brand credit-card-type knows: the processors' published test numbers where there
 * are some (Stripe, Adyen, Braintree, PayPal), and numbers built from the brand's ranges and lengths with
 * a Luhn check digit for the lengths and brands they do not cover.
 */
export const TEST_CARDS: readonly (readonly [Brand, string])[] = [
  ['visa', '4242424242424242'],
  ['visa', '4111111111111111'],
  ['visa', '4012888888881881'],
  ['visa', '4222222222222'],
  ['visa', cardNumber('4242', 18)],
  ['visa', cardNumber('4000', 19)],
  ['mastercard', '5555555555554444'],
  ['mastercard', '5105105105105100'],
  ['mastercard', '2223003122003222'],
  ['mastercard', '2221000000000009'],
  ['mastercard', '2720999999999996'],
  ['american-express', '378282246310005'],
  ['american-express', '371449635398431'],
  ['american-express', '340000000000009'],
  ['diners-club', '30569309025904'],
  ['diners-club', '38520000023237'],
  ['diners-club', '36227206271667'],
  ['diners-club', '3056930009020004'],
  ['diners-club', cardNumber('39', 19)],
  ['discover', '6011111111111117'],
  ['discover', '6011000990139424'],
  ['discover', '6445644564456445'],
  ['discover', cardNumber('6011', 19)],
  ['jcb', '3530111333300000'],
  ['jcb', '3566002020360505'],
  ['jcb', cardNumber('3528', 17)],
  ['jcb', cardNumber('3589', 18)],
  ['jcb', cardNumber('3566', 19)],
  ['unionpay', '6200000000000005'],
  ['unionpay', '6205500000000000004'],
  ['unionpay', cardNumber('620', 14)],
  ['unionpay', cardNumber('624', 15)],
  ['unionpay', cardNumber('8171', 17)],
  ['unionpay', cardNumber('810', 18)],
  ['maestro', '6759649826438453'],
  ['maestro', '6799990100000000019'],
  ['maestro', '5000550000000029'],
  ['maestro', cardNumber('6759', 12)],
  ['maestro', cardNumber('6304', 13)],
  ['maestro', cardNumber('5018', 14)],
  ['maestro', cardNumber('57', 15)],
  ['maestro', cardNumber('6771', 17)],
  ['maestro', cardNumber('6759', 18)],
  ['elo', '5066991111111118'],
  ['elo', '6362970000457013'],
  ['elo', cardNumber('401178', 16)],
  ['elo', cardNumber('509000', 16)],
  ['elo', cardNumber('650031', 16)],
  ['mir', '2200000000000004'],
  ['mir', '2201382000000013'],
  ['mir', cardNumber('2204', 17)],
  ['mir', cardNumber('2202', 18)],
  ['mir', cardNumber('2203', 19)],
  ['hiper', '6370950000000005'],
  ['hiper', cardNumber('637568', 16)],
  ['hiper', cardNumber('63737423', 16)],
  ['hipercard', '6062826786276634'],
  ['hipercard', '6062821086773091'],
  ['naranja', '5895626746595650'],
  ['naranja', cardNumber('402918', 16)],
  ['naranja', cardNumber('527572', 16)],
  ['verve', '5060990580000217499'],
  ['verve', cardNumber('506099', 16)],
  ['verve', cardNumber('507865', 18)],
  ['verve', cardNumber('506127', 19)],
  ['troy', '9792030000000000'],
  ['troy', cardNumber('9792', 16)],
  ['troy', cardNumber('650052', 16)],
  ['troy', cardNumber('65083700', 16)],
];
