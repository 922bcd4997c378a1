/** The Luhn (mod 10) check of a non-empty string of ASCII digits: whether its last digit is its check digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = digits.length - 1, double = 0; index >= 0; index--, double ^= 1) {
    const digit = digits.charCodeAt(index) - 48;
    sum += double ? LUHN_DOUBLED[digit]! : digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Each digit doubled, its two digits summed: what every second digit from the right adds to the Luhn sum. */
export const LUHN_DOUBLED: readonly number[] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
