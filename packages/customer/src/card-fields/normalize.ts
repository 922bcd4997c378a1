// Text clean-up shared by the fields: what a keyboard, an IME or a paste can put in a field that still
// means separators. (Digits of every script are read by @chatpay/cards' `toAsciiDigits`.)

/**
 * What may sit between the digits of a pasted or typed card number: white space of any kind, dashes of
 * any kind (and the minus sign), dots, and invisible format characters (zero-width spaces, direction
 * marks) that copying from chats and PDFs brings along.
 */
export const NUMBER_SEPARATORS = /[\s\p{Pd}\u2212.\p{Cf}]/gu;

/** The number of code points (not UTF-16 units) in `text`. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
