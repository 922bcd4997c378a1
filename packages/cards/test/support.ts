// Helpers the card module's tests share, computed here independently of the code under test.
import type { CardDefinition } from '../src/card-definition.js';

export { cardNumber, checkDigit } from '../../../test-support/luhn.js';

/** `digits` with the last digit changed, so the Luhn check fails. */
export function breakCheckDigit(digits: string): string {
  return digits.slice(0, -1) + String((Number(digits.at(-1)) + 1) % 10);
}

export const ACME_GIFT: CardDefinition = {
  brand: 'acme-gift',
  niceName: 'Acme Gift Card',
  prefixes: ['6035'],
  lengths: [16],
  gaps: [4, 8, 12],
  luhn: true,
  securityCode: null,
};
/** Inside Visa's '4' and Elo's '401178': extra cards are checked first. */
export const STORE_CARD: CardDefinition = {
  brand: 'store-card',
  niceName: 'Store Card',
  prefixes: [['401170', '401179']],
  lengths: [16],
  gaps: [4, 8, 12],
  luhn: true,
  securityCode: { name: 'CVV', size: 3 },
};
export const COFFEE_GIFT: CardDefinition = {
  brand: 'coffee-gift',
  niceName: 'Coffee Gift Card',
  prefixes: ['7777'],
  lengths: [19],
  gaps: [4, 8, 12, 16],
  luhn: false,
  securityCode: { name: 'PIN', size: 8 },
};
/** The least a definition may say: the masker's kind. */
export const BARE_CARD: CardDefinition = { brand: 'bare', prefixes: ['8899'], lengths: [16] };
export const EXTRA_CARDS: readonly CardDefinition[] = [ACME_GIFT, STORE_CARD, COFFEE_GIFT, BARE_CARD];
