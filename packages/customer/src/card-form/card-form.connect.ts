import { formatMoney, type CardDetails, type Money } from '@chatpay/core';
import {
  validateCardholderName,
  validateCardNumber,
  validateExpiry,
  validatePostalCode,
  validateSecurityCode,
  type CardDefinition,
  type CardNumberResult,
  type FieldCheck,
} from '../card-fields/index.js';
import type { CardFormErrors, CardFormMessages, CardFormReasons } from './card-form.messages.js';
import type { CardFormField, CardFormMemory } from './card-form.memory.js';

/** What `chatpay-card-sealed` carries: the brand and the last four digits, never more. */
export interface CardSealedDetail {
  /** The card's brand id. */
  readonly brand: string;
  /** Its last four digits. */
  readonly lastFour: string;
}

/** The integrator's choices for the form. */
export interface CardFormOptions {
  /** Ask for a billing postal code too. */
  readonly postalCode: boolean;
  /** Brands accepted (@chatpay/cards' brand ids, or extra cards' brands); all known brands when unset. */
  readonly acceptedBrands?: readonly string[] | undefined;
  /** Gift and private-label card definitions. */
  readonly extraCards: readonly CardDefinition[];
}

/** What the form needs to know to decide what it shows, read at each render. */
export interface CardFormState {
  readonly memory: CardFormMemory;
  readonly options: CardFormOptions;
  /** The amount of the request being paid; `null` while the form has no request (Pay is then disabled). */
  readonly amount: Money | null;
  /** The locale for the amount; `undefined` for the runtime's default. */
  readonly locale: string | undefined;
  /** The current instant, for the expiry check. */
  readonly now: Date;
  /** The page was reloaded while the card was being entered: the form says the details were not kept. */
  readonly resumed: boolean;
}

/** One field as drawn: its input's attributes, and the hint and error that describe it. */
export interface CardFormFieldView {
  readonly id: CardFormField;
  readonly label: string;
  readonly autocomplete: string;
  /** Numbers, dates and codes are written left to right in every language; names follow what is typed. */
  readonly dir: 'ltr' | 'auto';
  readonly inputmode: 'numeric' | null;
  readonly hint: string | null;
  /** The error shown under the field: only once the field was left, or Pay was tried. */
  readonly error: string | null;
  /** The ids of the hint and the error, for `aria-describedby`; `null` when there is neither. */
  readonly describedBy: string | null;
}

/** What the form shows for a state: the element maps it to a template and wires the inputs. */
export interface CardFormView {
  readonly legend: string;
  /** The notice above the fields after a reload, said politely; `null` when there is none. */
  readonly resumed: string | null;
  readonly fields: {
    readonly number: CardFormFieldView;
    readonly name: CardFormFieldView;
    readonly expiry: CardFormFieldView;
    /** `null` for a card without a code. */
    readonly securityCode: CardFormFieldView | null;
    /** `null` unless a billing postal code is asked for. */
    readonly postalCode: CardFormFieldView | null;
  };
  /** The brand the number shows, said politely (`'Visa card'`); empty while none is known. */
  readonly brand: string;
  /** Said as an alert: the card could not be sealed. */
  readonly failure: string | null;
  readonly pay: { readonly label: string; readonly enabled: boolean };
  /** The mask patterns (imask `0` for a digit) that follow the brand: its groups, its code's length. */
  readonly masks: { readonly number: string; readonly securityCode: string };
}

/** What Pay (the button, or Enter in a field) does in a state. */
export type PayAttempt =
  /** A card is already on its way: nothing more. */
  | { readonly kind: 'busy' }
  /** Not every field is valid (or there is no request): every error shows, and the focus goes to the first. */
  | { readonly kind: 'refused'; readonly fields: readonly CardFormField[]; readonly focus: CardFormField | null }
  /** The card to seal, exactly as typed. */
  | { readonly kind: 'pay'; readonly card: CardDetails };

/** The mask pattern for a card number with `gaps` and at most `length` digits: `0000 000000 00000`. */
export function numberPattern(gaps: readonly number[], length: number): string {
  let pattern = '';
  for (let index = 0; index < length; index++) pattern += (gaps.includes(index) ? ' ' : '') + '0';
  return pattern;
}

/**
 * The security code's mask: the brand's number of digits; four while the brand is not known (3 or 4
 * are taken); one digit where the field is hidden (a card without a code), as a mask needs one.
 */
function securityCodePattern(number: CardNumberResult): string {
  const size = number.securityCode ? number.securityCode.size : number.securityCode === null ? 0 : 4;
  return '0'.repeat(Math.max(size, 1));
}

function checksOf({ memory, options, now }: Pick<CardFormState, 'memory' | 'options' | 'now'>) {
  const { values } = memory;
  const number = validateCardNumber(values.number, {
    extraCards: options.extraCards,
    ...(options.acceptedBrands ? { acceptedBrands: options.acceptedBrands } : {}),
  });
  const name = validateCardholderName(values.name);
  const checks: { readonly [F in CardFormField]: FieldCheck<CardFormReasons[F]> } = {
    number,
    name,
    expiry: validateExpiry(values.expiry, now),
    securityCode: validateSecurityCode(values.securityCode, number.securityCode),
    postalCode: validatePostalCode(values.postalCode, { required: options.postalCode }),
  };
  const fields: CardFormField[] = [
    'number',
    'name',
    'expiry',
    'securityCode',
    ...(options.postalCode ? (['postalCode'] as const) : []),
  ];
  return { number, name, checks, fields, valid: fields.every((field) => checks[field].isValid) };
}

/** The message for `field` failing for `reason`: each field names its own problem. */
function errorOf<F extends CardFormField>(errors: CardFormErrors, field: F, reason: CardFormReasons[F]): string {
  const messages: Readonly<Record<CardFormReasons[F], string>> = errors[field];
  return messages[reason];
}

/** What the form shows for `state`, in `words`. Pay is enabled only when every field is valid, with a request, and not while paying. */
export function connectCardForm(state: CardFormState, words: CardFormMessages): CardFormView {
  const { memory, options } = state;
  const { number, checks, valid } = checksOf(state);
  const field = <F extends CardFormField>(
    id: F,
    label: string,
    input: Pick<CardFormFieldView, 'autocomplete' | 'dir'> & Partial<Pick<CardFormFieldView, 'inputmode' | 'hint'>>,
  ): CardFormFieldView => {
    const check: FieldCheck<CardFormReasons[F]> = checks[id];
    const reason = memory.touched.has(id) && !check.isValid ? check.reason : null;
    const error = reason !== null ? errorOf(words.errors, id, reason) : null;
    const hint = input.hint ?? null;
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return { id, label, inputmode: null, ...input, hint, error, describedBy: described || null };
  };
  const amount = state.amount ? formatMoney(state.amount, state.locale) : '';
  return {
    legend: words.legend,
    resumed: state.resumed ? words.resumed : null,
    fields: {
      number: field('number', words.number, { autocomplete: 'cc-number', dir: 'ltr', inputmode: 'numeric' }),
      name: field('name', words.name, { autocomplete: 'cc-name', dir: 'auto' }),
      expiry: field('expiry', words.expiry, {
        autocomplete: 'cc-exp',
        dir: 'ltr',
        inputmode: 'numeric',
        hint: words.expiryHint,
      }),
      securityCode:
        number.securityCode === null
          ? null
          : field('securityCode', number.securityCode?.name ?? words.securityCode, {
              autocomplete: 'cc-csc',
              dir: 'ltr',
              inputmode: 'numeric',
            }),
      postalCode: options.postalCode
        ? field('postalCode', words.postalCode, { autocomplete: 'postal-code', dir: 'auto' })
        : null,
    },
    brand: number.niceName ? words.brand(number.niceName) : '',
    failure: memory.failed === 'not-loaded' ? words.notLoaded : memory.failed ? words.failed : null,
    pay: {
      label: memory.paying ? words.paying : words.pay(amount),
      enabled: valid && !memory.paying && state.amount !== null,
    },
    masks: { number: numberPattern(number.gaps, number.maxLength), securityCode: securityCodePattern(number) },
  };
}

/** What Pay does in `state`: nothing while a card is on its way, else show the errors, or pay with the card as typed. */
export function payAttempt(state: Omit<CardFormState, 'resumed' | 'locale'>): PayAttempt {
  if (state.memory.paying) return { kind: 'busy' };
  const { checks, fields, valid, number, name } = checksOf(state);
  if (!valid || state.amount === null) {
    return { kind: 'refused', fields, focus: fields.find((field) => !checks[field].isValid) ?? null };
  }
  const { values } = state.memory;
  const card: CardDetails = {
    number: number.digits,
    name: name.value,
    // The expiry mask writes exactly `MM/YY`, the form a card is sealed in.
    expiry: values.expiry,
    securityCode: values.securityCode,
    brand: number.brand ?? 'unknown',
    ...(state.options.postalCode ? { postalCode: values.postalCode.trim() } : {}),
  };
  return { kind: 'pay', card };
}

/** What may leave the form once `card` is sealed: its brand and last four digits. */
export function sealedDetailOf(card: Pick<CardDetails, 'brand' | 'number'>): CardSealedDetail {
  return { brand: card.brand, lastFour: card.number.slice(-4) };
}
