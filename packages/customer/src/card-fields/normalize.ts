// Text clean-up shared by the fields: what a keyboard, an IME or a paste can put in a field that still
// means digits and separators.

const DECIMAL_DIGIT = /\p{Nd}/u;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * `text` in NFKC (full-width `４` and `／` become `4` and `/`) with every decimal digit of any script
 * (Arabic-Indic `٤`, Devanagari `४`, ...) replaced by its ASCII digit. Unicode assigns decimal digits only
 * in runs of ten from 0 to 9, so a digit's value is its distance from the start of its run, modulo 10.
 */
export function toAsciiDigits(text: string): string {
  const folded = text.normalize('NFKC');
  if (!NON_ASCII.test(folded)) return folded;
  return folded.replace(/\p{Nd}/gu, (digit) => {
    const codePoint = digit.codePointAt(0)!;
    if (codePoint <= 0x39) return digit;
    let start = codePoint;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    return String((codePoint - start) % 10);
  });
}

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
