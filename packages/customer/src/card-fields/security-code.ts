// The security code field: the CVV/CVC/CID (3 or 4 digits) of the brand the number shows, or a gift
// card's PIN, or nothing for a card without a code.
import { toAsciiDigits, type SecurityCodeRule } from '@chatpay/cards';
import { failed, passed, type FieldCheck, type SecurityCodeReason } from './errors.js';

/** The sizes taken while the brand is not known yet: every built-in brand's code has 3 or 4 digits. */
export const UNKNOWN_BRAND_SECURITY_CODE_SIZES: readonly number[] = Object.freeze([3, 4]);

export interface SecurityCodeResult extends FieldCheck<SecurityCodeReason> {
  /** The ASCII digits typed (full-width and other scripts' digits converted). */
  readonly digits: string;
}

/**
 * Whether `input` is the code `rule` asks for: exactly `rule.size` digits (a PIN is checked the same
 * way). `rule` comes from `validateCardNumber(...).securityCode`: `undefined` while the brand is not
 * known (3 or 4 digits are taken), `null` for a card without a code (only an empty field is valid).
 * Surrounding white space is ignored; any inside is not.
 */
export function validateSecurityCode(input: string, rule?: SecurityCodeRule | null): SecurityCodeResult {
  const text = toAsciiDigits(input).trim();
  const digits = text.replace(/\D/g, '');
  const check = (result: FieldCheck<SecurityCodeReason>): SecurityCodeResult => ({ ...result, digits });

  if (rule === null) return check(text === '' ? passed : failed('wrong-length', false));
  if (text === '') return check(failed('required', true));
  if (digits.length !== text.length) return check(failed('invalid-characters', false));
  const sizes = rule ? [rule.size] : UNKNOWN_BRAND_SECURITY_CODE_SIZES;
  if (sizes.includes(digits.length)) return check(passed);
  return check(digits.length < Math.min(...sizes) ? failed('incomplete', true) : failed('wrong-length', false));
}
