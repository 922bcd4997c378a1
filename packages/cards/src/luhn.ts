/** The Luhn (mod 10) check of a non-empty string of ASCII digits: whether its last digit is its check digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (double && (digit *= 2) > 9) digit -= 9;
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}
