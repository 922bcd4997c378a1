import type { Clock } from '@chatpay/core';
import type { CardField } from './card-viewer.connect.js';

/** How long "Copied" and the copy announcement stay, in ms. */
const COPIED_FOR_MS = 3000;

/**
 * The card viewer's answer to a Copy: "Copied" next to the field, and what the live region says, for
 * three seconds on the request's clock. It holds field names and sentences, never a copied value.
 */
export class CopyFeedback {
  readonly #changed: () => void;
  #field: CardField | null = null;
  #announcement = '';
  #stopTimer: (() => void) | undefined;

  constructor(changed: () => void) {
    this.#changed = changed;
  }

  /** The field just copied, or null. */
  get field(): CardField | null {
    return this.#field;
  }

  /** What the live region says about the last copy, or ''. */
  get announcement(): string {
    return this.#announcement;
  }

  /** Shows `field` as copied (null: nothing copied) and says `announcement`, until `clock` has run three seconds. */
  say(field: CardField | null, announcement: string, clock: Clock | undefined): void {
    this.clear();
    this.#field = field;
    this.#announcement = announcement;
    if (!clock) return;
    const handle = clock.setTimeout(() => {
      this.#stopTimer = undefined;
      this.#field = null;
      this.#announcement = '';
      this.#changed();
    }, COPIED_FOR_MS);
    this.#stopTimer = () => clock.clearTimeout(handle);
  }

  clear(): void {
    this.#stopTimer?.();
    this.#stopTimer = undefined;
    this.#field = null;
    this.#announcement = '';
  }
}
