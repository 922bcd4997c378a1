import type { Clock } from '@chatpay/core';
import type { CardField } from './card-viewer.connect.js';
import type { ClearClipboard, CopiedValue } from './clipboard-clearing.js';

/** A value the viewer put in the clipboard and has not taken out yet (remembered by digest, never as text). */
interface InClipboard {
  readonly field: CardField;
  /** Null where the page cannot make the digest: the clipboard is then overwritten without looking. */
  readonly value: CopiedValue | null;
  stopTimer: (() => void) | undefined;
  clearing: boolean;
  /** The card closed and clearing was tried then: once, so a browser that refuses is not asked at every render. */
  triedAtClose: boolean;
}

/** What the keeper reads from its viewer at the moment it needs it. */
export interface ClipboardKeeperHost {
  /** The request's clock, which times the clearing; none, no timer. */
  readonly clock: () => Clock | undefined;
  /** Ms after a copy at which the value is cleared; 0 waits for the card to close. */
  readonly clearAfterMs: () => number;
  /** Clears the clipboard as the viewer is configured to (its `clearClipboard`). */
  readonly clear: ClearClipboard;
  /** What the viewer shows about the clipboard changed. */
  readonly changed: () => void;
}

/**
 * Takes what the card viewer copied back out of the clipboard: after a time, when the card closes,
 * or when asked. It keeps which field is in the clipboard and whether the browser refused to clear
 * it, so the viewer can say so; it never keeps the copied text.
 */
export class ClipboardKeeper {
  readonly #host: ClipboardKeeperHost;
  #held: InClipboard | null = null;
  #stuck = false;

  constructor(host: ClipboardKeeperHost) {
    this.#host = host;
  }

  /** The field whose value waits in the clipboard to be cleared, or null. */
  get field(): CardField | null {
    return this.#held?.field ?? null;
  }

  /** The last try to clear the clipboard was refused by the browser: said on screen, tried again later. */
  get stuck(): boolean {
    return this.#stuck;
  }

  /** The clipboard now holds `field`'s value (whatever was there before is overwritten): it is cleared in time. */
  keep(field: CardField, value: CopiedValue | null): void {
    this.#held?.stopTimer?.();
    const held: InClipboard = { field, value, stopTimer: undefined, clearing: false, triedAtClose: false };
    this.#held = held;
    this.#stuck = false;
    const clock = this.#host.clock();
    const after = this.#host.clearAfterMs();
    if (!clock || after === 0) return;
    const handle = clock.setTimeout(() => {
      held.stopTimer = undefined;
      void this.takeBack();
    }, after);
    held.stopTimer = () => clock.clearTimeout(handle);
  }

  /** The card closed (the window ended, completion, cancellation): the copied value goes, tried once. */
  cardClosed(): void {
    const held = this.#held;
    if (!held || held.triedAtClose) return;
    held.triedAtClose = true;
    void this.takeBack();
  }

  /** Tries again after a refusal (the agent's window is focused again). */
  retry(): void {
    if (this.#stuck) void this.takeBack();
  }

  /** Takes the copied value back out of the clipboard, if it is still there; says so when the browser refuses. */
  async takeBack(): Promise<void> {
    const held = this.#held;
    if (!held || held.clearing) return;
    held.stopTimer?.();
    held.stopTimer = undefined;
    held.clearing = true;
    // Asked just before the clipboard is written: a newer copy since is not to be wiped, and what
    // cannot be read (or recognised) is overwritten.
    const isOurs = async (text?: string) =>
      this.#held === held && (text === undefined || !held.value || (await held.value.is(text)));
    let refused = false;
    try {
      await this.#host.clear(isOurs);
    } catch {
      refused = true;
    }
    held.clearing = false;
    // A newer copy replaced it meanwhile: that one has its own turn.
    if (this.#held !== held) return;
    if (refused) {
      this.#stuck = true;
    } else {
      this.#held = null;
      this.#stuck = false;
    }
    this.#host.changed();
  }
}
