// The cardholder name field: a person's name as on the card, in any script.
import { toAsciiDigits } from '@chatpay/cards';
import { codePointLength } from './normalize.js';
import { failed, passed, type CardholderNameReason, type FieldCheck } from './errors.js';

/** The longest name taken, in characters (code points). */
export const MAX_CARDHOLDER_NAME_LENGTH = 200;

export interface CardholderNameResult extends FieldCheck<CardholderNameReason> {
  /** The name as it should be sent: NFC, runs of white space made one space, trimmed. */
  readonly value: string;
}

/**
 * Letters and combining marks of any script, spaces, apostrophes (`'` `’`), hyphens (`-` `‐` `‑`),
 * periods, and the zero-width (non-)joiners that Persian and Indic names need.
 */
const NAME = /^[\p{L}\p{M} '\u2019\-\u2010\u2011.\u200c\u200d]+$/u;
const LETTER = /\p{L}/u;
/** Digits with only separators between them... */
const NUMBER_ONLY = /^(?=.*\d)[\d\s\p{Pd}.]+$/u;
/** ...or twelve or more digits in a row, separators allowed: the shortest card numbers issued. */
const CARD_NUMBER_RUN = /\d(?:[\s\p{Pd}.]*\d){11}/u;

/**
 * Whether `input` can be the name on a card: 1 to 200 characters once trimmed, made of letters, marks,
 * spaces, apostrophes, hyphens and periods, with at least one letter. Something that looks like a card
 * number (digits only, or twelve digits or more) is refused with its own reason, so the form can say
 * it went in the wrong field.
 */
export function validateCardholderName(input: string): CardholderNameResult {
  const value = input.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const check = (result: FieldCheck<CardholderNameReason>): CardholderNameResult => ({ ...result, value });

  if (value === '') return check(failed('required', true));
  if (codePointLength(value) > MAX_CARDHOLDER_NAME_LENGTH) return check(failed('too-long', false));
  const asciiDigits = toAsciiDigits(value);
  if (NUMBER_ONLY.test(asciiDigits) || CARD_NUMBER_RUN.test(asciiDigits)) {
    return check(failed('card-number-like', false));
  }
  if (!NAME.test(value)) return check(failed('invalid-characters', false));
  if (!LETTER.test(value)) return check(failed('incomplete', true));
  return check(passed);
}
