import { foldDigits } from '@chatpay/cards';
// imask's smallest entry point, with only the number mask.
import IMask from 'imask/holder';
import 'imask/masked/number';
import type { InputMask, MaskedNumberOptions } from 'imask';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { amountRulesFor, droppedTyping, type AmountRules } from './amount-typing.js';
import type { DroppedTyping } from './request-composer.form.js';

/** What the mask tells its composer. */
export interface AmountMaskEvents {
  /** The mask took a keystroke. */
  readonly taken: () => void;
  /** Something typed or pasted was left out. */
  readonly dropped: (dropped: DroppedTyping) => void;
  /** Masked anew for a currency with fewer decimals, the amount changed (said during an update: no new one). */
  readonly decimalsDropped: (currency: string) => void;
}

/**
 * The amount field's imask, on the composer's `#amount` input: made for the locale and currency the
 * composer shows (`amountRulesFor`), made anew when either changes, taken down when the composer
 * leaves the page and put back when it returns. It says when a keystroke was not taken, rather than
 * drop it in silence.
 */
export class AmountMaskController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  readonly #target: () => { readonly locale: string | undefined; readonly currency: string };
  readonly #events: AmountMaskEvents;
  #mask: InputMask<MaskedNumberOptions> | undefined;
  #rules: AmountRules | undefined;
  /** The locale and currency the mask was made for. */
  #maskedFor = '';
  #pending: { readonly typed: string; readonly before: string } | null = null;

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

  /** The amount as shown in the field. */
  get value(): string {
    return this.#mask?.value ?? '';
  }

  clear(): void {
    if (this.#mask) this.#mask.value = '';
  }

  /** Connected again after a move in the page: the mask comes back on the same input. */
  hostConnected(): void {
    this.#attach();
  }

  hostDisconnected(): void {
    this.#mask?.destroy();
    this.#mask = undefined;
  }

  /** New currency or locale: masked anew before the composer renders. */
  hostUpdate(): void {
    if (this.#mask && this.#maskedFor !== this.#key()) this.#remask();
  }

  /** The first render made the input: the mask goes on it. */
  hostUpdated(): void {
    this.#attach();
  }

  /** What is about to be typed or pasted into the amount, to see afterwards whether the mask took it all. */
  readonly beforeInput = (event: InputEvent): void => {
    const input = event.target as HTMLInputElement;
    const typed = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
    const collapsed = input.selectionStart === input.selectionEnd;
    this.#pending = typed && collapsed && this.#mask ? { typed, before: this.#mask.unmaskedValue } : null;
  };

  readonly afterInput = (): void => {
    const pending = this.#pending;
    this.#pending = null;
    // The mask handles the same input event after this listener: judge once it has.
    queueMicrotask(() => {
      const rules = this.#rules;
      if (!pending || !this.#mask || !rules) return;
      const notice = droppedTyping(pending.typed, pending.before, this.#mask.unmaskedValue, rules);
      if (notice) this.#events.dropped({ notice, rules, currency: this.#target().currency });
    });
  };

  #attach(): void {
    const input = this.#host.renderRoot.querySelector<HTMLInputElement>('#amount');
    if (!input || this.#mask) return;
    this.#mask = IMask(input, this.#options());
    this.#mask.on('accept', () => this.#events.taken());
  }

  #key(): string {
    const { locale, currency } = this.#target();
    return `${locale ?? ''} ${currency}`;
  }

  #options(): MaskedNumberOptions {
    this.#maskedFor = this.#key();
    const { locale, currency } = this.#target();
    const rules = amountRulesFor(locale, currency);
    this.#rules = rules;
    return {
      mask: Number,
      scale: rules.scale,
      radix: rules.decimal,
      thousandsSeparator: rules.group,
      mapToRadix: [...rules.mapToRadix],
      // Digits typed in another script (Arabic-Indic, Devanagari, full-width) count as digits.
      prepareChar: (text: string) => foldDigits(text),
      min: 0,
      normalizeZeros: true,
      padFractionalZeros: false,
    };
  }

  /** The same number, masked anew; if the new currency takes fewer decimals the amount changes, and that is said. */
  #remask(): void {
    const mask = this.#mask!;
    const before = mask.unmaskedValue;
    mask.updateOptions(this.#options() as Parameters<typeof mask.updateOptions>[0]);
    mask.unmaskedValue = before;
    if (Number(mask.unmaskedValue) !== Number(before)) this.#events.decimalsDropped(this.#target().currency);
  }
}
