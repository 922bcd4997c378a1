import type {
  CardholderNameReason,
  CardNumberReason,
  ExpiryReason,
  PostalCodeReason,
  SecurityCodeReason,
} from '../card-fields/index.js';
import type { CardFormField } from './card-form.memory.js';

/** The reasons each of the form's fields can give, by the id of its input. */
export interface CardFormReasons {
  /** The card number's. */
  readonly number: CardNumberReason;
  /** The name on card's. */
  readonly name: CardholderNameReason;
  /** The expiry date's. */
  readonly expiry: ExpiryReason;
  /** The security code's. */
  readonly securityCode: SecurityCodeReason;
  /** The billing postal code's. */
  readonly postalCode: PostalCodeReason;
}

/** One message for each field and each of its reasons, so that every error names its own field's problem. */
export type CardFormErrors = { readonly [F in CardFormField]: Readonly<Record<CardFormReasons[F], string>> };

/** Every word the card form shows. Integrators override any of them through the `messages` property. */
export interface CardFormMessages {
  /** The form's legend. */
  readonly legend: string;
  /** The card number's label. */
  readonly number: string;
  /** The name on card's label. */
  readonly name: string;
  /** The expiry date's label. */
  readonly expiry: string;
  /** The expiry's format hint ("MM/YY"). */
  readonly expiryHint: string;
  /** The security code's label when the brand does not name it. */
  readonly securityCode: string;
  /** The billing postal code's label. */
  readonly postalCode: string;
  /** The Pay button, with the amount formatted for the locale. */
  readonly pay: (amount: string) => string;
  /** The Pay button while the card is being sealed and sent. */
  readonly paying: string;
  /** The detected brand, announced with its name ("Visa card"). */
  readonly brand: (brand: string) => string;
  /** The message for each field and reason. */
  readonly errors: CardFormErrors;
  /** The card could not be sealed or sent. */
  readonly failed: string;
  /** Shown when the code that seals the card did not load (it loads on demand): nothing was sent. */
  readonly notLoaded: string;
  /** Above the empty form when the page was reloaded while the card was being entered. */
  readonly resumed: string;
}

/** The card form's words in English, the default. */
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
  notLoaded: 'The secure payment did not load, and nothing was sent. Check your connection and try again.',
  resumed: 'The page was reloaded and your card details were not kept, for your security. Please enter them again.',
  errors: {
    number: {
      required: 'Enter the card number.',
      'invalid-characters': 'Use only digits in the card number.',
      'unknown-brand': 'This card type is not recognised.',
      'brand-not-accepted': 'This card type is not accepted here.',
      incomplete: 'This card number is not complete yet.',
      'wrong-length': 'This card number has the wrong number of digits.',
      luhn: 'This card number is not valid. Check it for typos.',
    },
    name: {
      required: 'Enter the name on the card.',
      'too-long': 'This name is too long.',
      'card-number-like': 'Enter the name printed on the card, not its number.',
      'invalid-characters': 'Use only letters, spaces, apostrophes, hyphens and full stops in the name.',
      incomplete: 'The name needs at least one letter.',
    },
    expiry: {
      required: 'Enter the expiry date.',
      'invalid-characters': 'Use only digits in the expiry date, as MM/YY.',
      incomplete: 'Enter the expiry date in full, as MM/YY.',
      'invalid-month': 'Enter a month from 01 to 12.',
      'wrong-length': 'Enter the expiry date as MM/YY.',
      'in-the-past': 'This card has expired.',
      'too-far-ahead': 'This expiry date is too far in the future.',
    },
    securityCode: {
      required: 'Enter the security code.',
      'invalid-characters': 'Use only digits in the security code.',
      incomplete: 'This security code is too short.',
      'wrong-length': 'This security code has the wrong number of digits.',
    },
    postalCode: {
      required: 'Enter the billing postal code.',
      'invalid-characters': 'Use only letters, digits, spaces and hyphens in the postal code.',
      'too-long': 'This postal code is too long.',
      incomplete: 'This postal code is not complete yet.',
    },
  },
};
