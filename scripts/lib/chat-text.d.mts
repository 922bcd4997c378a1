// Types of chat-text.mjs, for the TypeScript that reads it.
/**
 * A card put into a message: as written there, its digits in ASCII, and how it was written: the
 * separator between its groups (`spaces`, `dots`, `no separator`…) and the script of its digits
 * (`ASCII`, `Arabic-Indic`, `full-width`…).
 */
export interface WrittenCard {
  text: string;
  digits: string;
  separator: string;
  script: string;
}
/** Messages, the card each carries (or undefined), and their UTF-8 bytes in all. */
export interface ChatLog {
  messages: string[];
  cards: (WrittenCard | undefined)[];
  bytes: number;
}
export const SPARSE_SEED: number;
export const DENSE_SEED: number;
export const FREE_SEED: number;
export const ADVERSARIAL_SEED: number;
export function asciiDigits(text: string): string;
export function isLeftReadable(card: WrittenCard, output: string): boolean;
export function cardSparseLog(options?: { bytes?: number; seed?: number }): ChatLog;
export function cardDenseLog(options?: { bytes?: number; seed?: number; cardShare?: number }): ChatLog;
export function cardFreeLog(options?: { bytes?: number; seed?: number }): ChatLog;
export function digitsWithSeparators(options?: { length?: number; seed?: number }): string;
export function cardsWithDetails(options?: { length?: number; seed?: number }): string;
