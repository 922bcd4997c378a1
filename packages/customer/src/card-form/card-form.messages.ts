import type { CardFieldReason } from '../card-fields/index.js';

/** Every word the card form shows. Integrators override any of them through the `messages` property. */
export interface CardFormMessages {
  readonly legend: string;
  readonly number: string;
  readonly name: string;
  readonly expiry: string;
  readonly expiryHint: string;
  /** The security code's label when the brand does not name it. */
  readonly securityCode: string;
  readonly postalCode: string;
  readonly pay: (amount: string) => string;
  readonly paying: string;
  readonly brand: (brand: string) => string;
  readonly errors: Readonly<Record<CardFieldReason, string>>;
  readonly failed: string;
  /** Above the empty form when the page was reloaded while the card was being entered. */
  readonly resumed: string;
}

export const CARD_FORM_MESSAGES_EN: CardFormMessages = {
  legend: 'Card details',
  number: 'Card number',
  name: 'Name on card',
  expiry: 'Expiry date',
  expiryHint: 'MM/YY',
  securityCode: 'Security code',
  postalCode: 'Billing postal code',
  pay: (amount) => `Pay ${amount}`,
  paying: 'Sending securely…',
  brand: (brand) => `${brand} card`,
  failed: 'The card could not be sent securely. Check the details and try again.',
  resumed: 'The page was reloaded and your card details were not kept, for your security. Please enter them again.',
  errors: {
    required: 'This field is required.',
    incomplete: 'This is not complete yet.',
    'invalid-characters': 'Use digits only here.',
    luhn: 'This card number is not valid. Check it for typos.',
    'unknown-brand': 'This card type is not recognised.',
    'brand-not-accepted': 'This card type is not accepted here.',
    'wrong-length': 'This card number has the wrong number of digits.',
    'invalid-month': 'Enter a month from 01 to 12.',
    'in-the-past': 'This card has expired.',
    'too-far-ahead': 'This expiry date is too far in the future.',
    'card-number-like': 'Enter the name printed on the card, not its number.',
    'too-long': 'This is too long.',
  },
};
