import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { amountRulesFor, moveAmount, typeAmount, type AmountRules } from './amount-typing.js';

/** What the amount field tells its composer. */
export interface AmountMaskEvents {
  /** The agent typed or pasted into the amount; `refused` says the text was refused at once. */
  readonly typed: (refused: boolean) => void;
  /** Written anew for a currency with fewer decimals, the amount changed (said during an update: no new one). */
  readonly decimalsDropped: (currency: string) => void;
}

/**
 * The amount field's mask, on the composer's `#amount` input, for the locale and currency the
 * composer shows (`amountRulesFor`). After each keystroke or paste it writes an amount again with
 * the locale's separators (`typeAmount`), and leaves anything else exactly as the agent wrote it, to
 * be refused: nothing typed is dropped or read as another amount. A new currency or locale writes
 * the same amount for the new rules (`moveAmount`).
 */
export class AmountMaskController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  readonly #target: () => { readonly locale: string | undefined; readonly currency: string };
  readonly #events: AmountMaskEvents;
  #rules: AmountRules | undefined;
  /** What the field showed after the last input: which group separators it wrote itself. */
  #shown = '';
  /** The locale and currency the rules were made for. */
  #madeFor = '';

  constructor(
    host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    target: () => { readonly locale: string | undefined; readonly currency: string },
    events: AmountMaskEvents,
  ) {
    this.#host = host;
    this.#target = target;
    this.#events = events;
    host.addController(this);
  }

  get #input(): HTMLInputElement | null {
    return this.#host.renderRoot.querySelector<HTMLInputElement>('#amount');
  }

  /** The amount as shown in the field. */
  get value(): string {
    return this.#input?.value ?? '';
  }

  clear(): void {
    const input = this.#input;
    if (input) input.value = '';
    this.#shown = '';
  }

  /** New currency or locale: the amount is written for them before the composer renders. */
  hostUpdate(): void {
    const before = this.#rules;
    const rules = this.#current();
    const input = this.#input;
    if (!before || before === rules || !input) return;
    const moved = moveAmount(input.value, before, rules);
    if (moved.text !== input.value) input.value = moved.text;
    this.#shown = moved.text;
    if (moved.decimalsDropped) this.#events.decimalsDropped(rules.currency);
  }

  /**
   * The agent typed, pasted, dropped or deleted in the amount: the field shows what will be read.
   * Text still being composed by an input method is left alone until the composition ends.
   */
  readonly input = (event: Event): void => {
    if (event instanceof InputEvent && event.isComposing) return;
    const input = event.target as HTMLInputElement;
    const caret = input.selectionStart ?? input.value.length;
    const typed = typeAmount(input.value, caret, this.#current(), this.#shown);
    this.#shown = typed.text;
    if (typed.text !== input.value) {
      input.value = typed.text;
      input.setSelectionRange(typed.caret, typed.caret);
    }
    this.#events.typed(typed.refused);
  };

  /** The rules for the locale and currency shown now, made again only when either changes. */
  #current(): AmountRules {
    const { locale, currency } = this.#target();
    const key = `${locale ?? ''} ${currency}`;
    if (!this.#rules || this.#madeFor !== key) {
      this.#rules = amountRulesFor(locale, currency);
      this.#madeFor = key;
    }
    return this.#rules;
  }
}
