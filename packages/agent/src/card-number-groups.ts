/** Where a brand's printed card number breaks into groups (digit offsets); every 4 digits otherwise. */
const GAPS: Readonly<Record<string, readonly number[]>> = {
  'american-express': [4, 10],
  'diners-club': [4, 10],
};

/** The card number grouped as it is printed on the card, for reading aloud or copying by eye. */
export function groupCardNumber(digits: string, brand: string): string {
  const gaps = GAPS[brand] ?? [4, 8, 12, 16];
  let grouped = '';
  for (let index = 0; index < digits.length; index++) {
    if (index > 0 && gaps.includes(index)) grouped += ' ';
    grouped += digits[index];
  }
  return grouped;
}
