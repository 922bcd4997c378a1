import type { MoneyErrorCode } from '@chatpay/core';

/** Every word the request composer shows. Integrators override any of them through the `messages` property. */
export interface RequestComposerMessages {
  /** The composer's heading. */
  readonly title: string;
  /** The amount field's label. */
  readonly amount: string;
  /** The hint under the amount: the currency and how many decimals it takes. */
  readonly amountHint: (currency: string, decimals: number) => string;
  /** The currency's label. */
  readonly currency: string;
  /** The reason field's label. */
  readonly reason: string;
  /** How long the reason is, shown as the agent types, over the limit too: "5,000 of 500 characters". */
  readonly reasonCount: (used: number, limit: number) => string;
  /** The Request button, which shows the confirmation. */
  readonly request: string;
  /** The confirmation's heading. */
  readonly confirmTitle: string;
  /** The Back button, from the confirmation to editing. */
  readonly back: string;
  /** The Send button, on the confirmation. */
  readonly send: string;
  /** The Discard button, which drops the draft. */
  readonly discard: string;
  /** Announced once the request is sent. */
  readonly sent: string;
  /** What is wrong with the amount, by `MoneyError` code. */
  readonly amountErrors: Readonly<Record<MoneyErrorCode, string>> & {
    /** Over the maximum, which is given formatted (`over-maximum` when it is not known). */
    readonly overMaximum: (maximum: string) => string;
    /** Too many decimals for the currency, with how many it takes. */
    readonly tooManyDecimals: (currency: string, decimals: number) => string;
  };
  /** The reason is empty. */
  readonly reasonRequired: string;
  /** The reason is too long (over `limit` characters) or holds control characters. */
  readonly reasonInvalid: (limit: number) => string;
  /** The reason holds a control, direction-changing or invisible character, which the customer must not be shown. */
  readonly reasonUnsafe: string;
  /** The currency changed to one with fewer decimals, so the amount changed. */
  readonly decimalsDropped: (currency: string) => string;
  /**
   * The locale's group separator where it cannot group ("12,50" in English): which mark groups
   * thousands in `language` (a code: "en", "es") and which one comes before decimals. `group` may be a space.
   */
  readonly ambiguousSeparator: (language: string, group: string, decimal: string) => string;
  /** Letters in the amount: only digits and the decimal separator are read. */
  readonly notANumber: (decimal: string) => string;
  /** The `currency` property is not an ISO 4217 code this browser knows. */
  readonly currencyUnknown: (currency: string) => string;
  /** The request could not be sent (TRY AGAIN). */
  readonly notSent: string;
}

/** The request composer's words in English, the default. */
export const REQUEST_COMPOSER_MESSAGES_EN: RequestComposerMessages = {
  title: 'Request a card payment',
  amount: 'Amount to charge',
  amountHint: (currency, decimals) =>
    decimals === 0 ? `In ${currency}, whole units only.` : `In ${currency}, up to ${decimals} decimals.`,
  currency: 'Currency',
  reason: 'Reason for charge',
  reasonCount: (used, limit) => `${used.toLocaleString('en')} of ${limit.toLocaleString('en')} characters`,
  request: 'Request',
  confirmTitle: 'Confirm the request',
  back: 'Back',
  send: 'Send',
  discard: 'Discard',
  sent: 'Request sent.',
  amountErrors: {
    empty: 'Enter the amount to charge.',
    'invalid-format': 'Enter the amount as digits.',
    'ambiguous-separator': 'A separator is where it cannot group thousands. Check the amount.',
    sign: 'An amount takes no "+" sign: type the digits only.',
    exponent: 'Type the amount out in full: an exponent such as "e12" is not read here.',
    letters: 'Only digits, and the decimal separator, can be typed here.',
    'not-an-integer': 'Enter the amount as digits.',
    zero: 'The amount must be more than zero.',
    negative: 'The amount cannot be negative.',
    'too-many-decimals': 'The amount has too many decimals for this currency.',
    'unknown-currency': 'This currency is not supported here.',
    'over-maximum': 'The amount is over the maximum.',
    overMaximum: (maximum) => `The amount is over the maximum of ${maximum}.`,
    tooManyDecimals: (currency, decimals) =>
      decimals === 0
        ? `${currency} amounts have no decimals.`
        : `${currency} amounts have at most ${decimals} decimals.`,
  },
  reasonRequired: 'Enter the reason for the charge.',
  reasonInvalid: (limit) => `Enter a reason of at most ${limit} characters, without control characters.`,
  reasonUnsafe: 'The reason has control, direction-changing or invisible characters. Remove them.',
  ambiguousSeparator: (language, group, decimal) =>
    `In ${new Intl.DisplayNames('en', { type: 'language' }).of(language)}, ${group.trim() === '' ? 'a space' : `"${group}"`} groups thousands; use "${decimal}" for decimals.`,
  notANumber: (decimal) => `Only digits, and "${decimal}" for decimals, can be typed here.`,
  decimalsDropped: (currency) => `${currency} takes fewer decimals: the amount changed. Check it.`,
  currencyUnknown: (currency) => `The currency "${currency}" is not a known ISO 4217 code. Set a valid currency.`,
  notSent: 'The request could not be sent. Try again.',
};
