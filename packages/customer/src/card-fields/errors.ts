/**
 * The reasons a card field can give for not being valid: stable codes for programs (the element maps
 * each to a localized message). A reason names the rule that failed, never the value that failed it:
 * no result of these modules carries a message, and nothing but a field's own data fields (`digits`,
 * `formatted`, `groups`, `value`, `month`, `year`) ever holds what was typed.
 */

/** Reasons of `validateCardNumber`, in the order they are checked. */
export const CARD_NUMBER_REASONS = [
  /** Nothing was typed. */
  'required',
  /** Something other than digits, spaces, dashes or dots. */
  'invalid-characters',
  /** No brand starts this way. */
  'unknown-brand',
  /** The brand (or every brand it could still become) is not in `acceptedBrands`. */
  'brand-not-accepted',
  /** Too few digits for the brand, or the brand is not known yet: more typing may help. */
  'incomplete',
  /** More digits than the brand's longest number. */
  'wrong-length',
  /** A length the brand uses, but the check digit is wrong. */
  'luhn',
] as const;
/** Why a card number is not valid: one of `CARD_NUMBER_REASONS`. */
export type CardNumberReason = (typeof CARD_NUMBER_REASONS)[number];

/** Reasons of `validateExpiry`. */
export const EXPIRY_REASONS = [
  'required',
  'invalid-characters',
  /** The month or the year is not finished yet. */
  'incomplete',
  /** A month outside 1–12. */
  'invalid-month',
  /** A year of more than four digits, or a date of more than six digits without a separator. */
  'wrong-length',
  /** Before the current month. */
  'in-the-past',
  /** After the furthest month cards are issued for (20 years from the current month by default). */
  'too-far-ahead',
] as const;
/** Why an expiry date is not valid: one of `EXPIRY_REASONS`. */
export type ExpiryReason = (typeof EXPIRY_REASONS)[number];

/** Reasons of `validateSecurityCode`. */
export const SECURITY_CODE_REASONS = [
  'required',
  'invalid-characters',
  'incomplete',
  /** More digits than the brand's code has, or any digit for a card that has no code. */
  'wrong-length',
] as const;
/** Why a security code is not valid: one of `SECURITY_CODE_REASONS`. */
export type SecurityCodeReason = (typeof SECURITY_CODE_REASONS)[number];

/** Reasons of `validateCardholderName`. */
export const CARDHOLDER_NAME_REASONS = [
  'required',
  /** Longer than the limit (200 characters by default). */
  'too-long',
  /** Digits only, or a run of twelve or more digits: a card number typed in the wrong field. */
  'card-number-like',
  /** Anything but letters, marks, spaces, apostrophes, hyphens and periods. */
  'invalid-characters',
  /** Punctuation so far, but no letter. */
  'incomplete',
] as const;
/** Why a cardholder name is not valid: one of `CARDHOLDER_NAME_REASONS`. */
export type CardholderNameReason = (typeof CARDHOLDER_NAME_REASONS)[number];

/** Reasons of `validatePostalCode`. */
export const POSTAL_CODE_REASONS = [
  /** Only when the field was made required. */
  'required',
  /** Anything but letters, digits and single spaces or hyphens between them. */
  'invalid-characters',
  /** More than ten letters and digits. */
  'too-long',
  /** Fewer than three letters and digits, or a trailing hyphen. */
  'incomplete',
] as const;
/** Why a postal code is not valid: one of `POSTAL_CODE_REASONS`. */
export type PostalCodeReason = (typeof POSTAL_CODE_REASONS)[number];

/** Every field's reasons, for building (and testing the completeness of) a table of messages. */
export const CARD_FIELD_REASONS = {
  'card-number': CARD_NUMBER_REASONS,
  expiry: EXPIRY_REASONS,
  'security-code': SECURITY_CODE_REASONS,
  'cardholder-name': CARDHOLDER_NAME_REASONS,
  'postal-code': POSTAL_CODE_REASONS,
} as const;
/** A field of the card form, as `CARD_FIELD_REASONS` names it. */
export type CardField = keyof typeof CARD_FIELD_REASONS;
/** Any field's reason. */
export type CardFieldReason = (typeof CARD_FIELD_REASONS)[CardField][number];

/**
 * What every check returns, after card-validator: `isValid` for the value as it stands,
 * `isPotentiallyValid` for whether more typing could still make it valid (a field stays quiet while it
 * is true), and `reason`, `null` exactly when `isValid` is true.
 */
export interface FieldCheck<Reason extends string> {
  /** The value as it stands is valid. */
  readonly isValid: boolean;
  /** More typing could still make it valid (always true when `isValid` is). */
  readonly isPotentiallyValid: boolean;
  /** Why it is not valid; `null` exactly when `isValid` is true. */
  readonly reason: Reason | null;
}

/** The passing check. */
export const passed = { isValid: true, isPotentiallyValid: true, reason: null } as const;

/** A failing check: `isPotentiallyValid` says whether the person may simply not be done typing. */
export function failed<Reason extends string>(
  reason: Reason,
  isPotentiallyValid: boolean,
): { readonly isValid: false; readonly isPotentiallyValid: boolean; readonly reason: Reason } {
  return { isValid: false, isPotentiallyValid, reason };
}
