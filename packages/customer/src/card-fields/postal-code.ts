// The postal code field, for address verification where the acquirer uses it. Optional by default.
import { failed, passed, type FieldCheck, type PostalCodeReason } from './errors.js';

/** The fewest letters and digits a postal code may have. */
export const MIN_POSTAL_CODE_LENGTH = 3;
/** The most letters and digits a postal code may have. */
export const MAX_POSTAL_CODE_LENGTH = 10;

/** What `validatePostalCode` takes besides the input. */
export interface PostalCodeOptions {
  /** Whether an empty field is refused (`'required'`). Default false: the field is optional. */
  readonly required?: boolean;
}

export interface PostalCodeResult extends FieldCheck<PostalCodeReason> {
  /** The code as it should be sent: NFKC (full-width letters and digits become ASCII), spaces collapsed, trimmed. */
  readonly value: string;
}

const CHARACTERS = /^[A-Za-z0-9 -]*$/;
/** Letters and digits, single spaces or hyphens only between them. */
const SHAPE = /^[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*$/;

/**
 * Whether `input` can be a postal code: 3 to 10 ASCII letters and digits, with single spaces or
 * hyphens between them (`SW1A 1AA`, `1000-205`, `K1A 0B1`, `75008`). Empty is valid unless `required`.
 */
export function validatePostalCode(input: string, options: PostalCodeOptions = {}): PostalCodeResult {
  const value = input
    .normalize('NFKC')
    .replace(/\p{Pd}/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
  const check = (result: FieldCheck<PostalCodeReason>): PostalCodeResult => ({ ...result, value });

  if (value === '') return check(options.required ? failed('required', true) : passed);
  if (!CHARACTERS.test(value)) return check(failed('invalid-characters', false));
  const length = value.replace(/[ -]/g, '').length;
  if (length > MAX_POSTAL_CODE_LENGTH) return check(failed('too-long', false));
  if (SHAPE.test(value)) return check(length < MIN_POSTAL_CODE_LENGTH ? failed('incomplete', true) : passed);
  // A hyphen typed last is a code on its way ('1000-'); anything else out of shape is not.
  if (SHAPE.test(value.slice(0, -1)) && value.endsWith('-')) return check(failed('incomplete', true));
  return check(failed('invalid-characters', false));
}
