/** The longest card number any brand issues (ISO/IEC 7812). */
export const MAX_CARD_NUMBER_LENGTH = 19;

/**
 * Lengths the card schemes publish that credit-card-type's tables do not list: Visa still issues
 * 13-digit numbers. (Its tables are otherwise used as they are.)
 */
export const EXTRA_LENGTHS: Readonly<Record<string, readonly number[]>> = { visa: [13] };
