// imask's smallest entry point, with only the masks the form uses (patterns, and ranges for the expiry).
import IMask from 'imask/holder';
import 'imask/masked/pattern';
import 'imask/masked/range';
import type { FactoryArg, InputMask } from 'imask';
import type { CardFormField } from './card-form.memory.js';

/** The fields typed through a mask; the others take what is typed as it is. */
export type MaskedField = Extract<CardFormField, 'number' | 'expiry' | 'securityCode'>;

const MASKED: readonly MaskedField[] = ['number', 'expiry', 'securityCode'];

/**
 * `MM/YY`: two month digits as typed or pasted, then two year digits. A month is never corrected: `00`
 * and `13` to `19` stay as they are for the expiry rule to refuse with its month message. Only a first
 * digit of 2 to 9, which no two-digit month starts with, is a month of its own and padded (`5` is `05`).
 */
function expiryMask(): FactoryArg {
  return {
    mask: 'MM/YY',
    blocks: {
      MM: { mask: IMask.MaskedRange, from: 0, to: 19, maxLength: 2, autofix: 'pad' },
      YY: { mask: IMask.MaskedRange, from: 0, to: 99, maxLength: 2 },
    },
  };
}

interface Bound {
  readonly input: HTMLInputElement;
  readonly mask: InputMask<FactoryArg>;
  pattern: string | null;
}

/**
 * The imask masks of one card form. `bind` is called after every render: it puts a mask on each
 * masked input that has none (the first render, an input drawn again such as the security code after
 * a card without one, and every input again once the form is back in a page after `destroy`), and
 * gives the number and code masks the patterns of the brand.
 */
export class CardFormMasks {
  readonly #accept: (field: MaskedField, value: string) => void;
  readonly #bound = new Map<MaskedField, Bound>();

  /** `accept` hears each value a mask takes: the value the form keeps. */
  constructor(accept: (field: MaskedField, value: string) => void) {
    this.#accept = accept;
  }

  /** Whether `field`'s input is typed through a mask now (its value then comes from `accept`). */
  has(field: CardFormField): boolean {
    return (MASKED as readonly CardFormField[]).includes(field) && this.#bound.has(field as MaskedField);
  }

  /**
   * Masks the inputs in `root` (by their ids), with `patterns` for the number and the security code.
   * An input masked anew shows what the form still keeps for it (`values`).
   */
  bind(
    root: ParentNode,
    patterns: Readonly<Record<'number' | 'securityCode', string>>,
    values: Readonly<Record<MaskedField, string>>,
  ): void {
    for (const field of MASKED) {
      const input = root.querySelector<HTMLInputElement>(`#${field}`);
      const bound = this.#bound.get(field);
      if (bound && bound.input === input) continue;
      bound?.mask.destroy();
      this.#bound.delete(field);
      if (!input) continue;
      const mask = IMask(input, field === 'expiry' ? expiryMask() : { mask: patterns[field] });
      mask.on('accept', () => this.#accept(field, mask.value));
      this.#bound.set(field, { input, mask, pattern: field === 'expiry' ? null : patterns[field] });
      if (values[field] !== '') mask.value = values[field];
    }
    this.#repattern('number', patterns.number);
    this.#repattern('securityCode', patterns.securityCode);
  }

  #repattern(field: 'number' | 'securityCode', pattern: string): void {
    const bound = this.#bound.get(field);
    if (!bound || bound.pattern === pattern) return;
    bound.pattern = pattern;
    bound.mask.updateOptions({ mask: pattern } as Parameters<typeof bound.mask.updateOptions>[0]);
  }

  /** Empties every mask (and so its input). */
  clear(): void {
    for (const bound of this.#bound.values()) bound.mask.value = '';
  }

  /** Takes every mask off its input; the next `bind` puts them back. */
  destroy(): void {
    for (const bound of this.#bound.values()) bound.mask.destroy();
    this.#bound.clear();
  }
}
