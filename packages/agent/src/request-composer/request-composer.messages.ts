import type { MoneyErrorCode } from '@chatpay/core';

/** Every word the request composer shows. Integrators override any of them through the `messages` property. */
export interface RequestComposerMessages {
  readonly title: string;
  readonly amount: string;
  /** The hint under the amount: the currency and how many decimals it takes. */
  readonly amountHint: (currency: string, decimals: number) => string;
  readonly currency: string;
  readonly reason: string;
  /** How long the reason is, shown as the agent types, over the limit too: "5,000 of 500 characters". */
  readonly reasonCount: (used: number, limit: number) => string;
  readonly request: string;
  readonly confirmTitle: string;
  readonly back: string;
  readonly send: string;
  readonly discard: string;
  readonly sent: string;
  readonly amountErrors: Readonly<Record<MoneyErrorCode, string>> & {
    readonly overMaximum: (maximum: string) => string;
    readonly tooManyDecimals: (currency: string, decimals: number) => string;
  };
  readonly reasonRequired: string;
  readonly reasonInvalid: (limit: number) => string;
  /** The reason holds a control, direction-changing or invisible character, which the customer must not be shown. */
  readonly reasonUnsafe: string;
  readonly decimalsDropped: (currency: string) => string;
  /**
   * The locale's group separator where it cannot group ("12,50" in English): which mark groups
   * thousands in `language` (a code: "en", "es") and which one comes before decimals. `group` may be a space.
   */
  readonly ambiguousSeparator: (language: string, group: string, decimal: string) => string;
  /** Letters in the amount: only digits and the decimal separator are read. */
  readonly notANumber: (decimal: string) => string;
  readonly currencyUnknown: (currency: string) => string;
  readonly notSent: string;
}

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
