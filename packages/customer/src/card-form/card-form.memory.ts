/** The form's fields, by the id of their input. */
export type CardFormField = 'number' | 'name' | 'expiry' | 'securityCode' | 'postalCode';

/** What was typed in each field: in memory only, until it is sealed. */
export type CardFormValues = Readonly<Record<CardFormField, string>>;

const EMPTY: CardFormValues = Object.freeze({ number: '', name: '', expiry: '', securityCode: '', postalCode: '' });

/** Why the last card was not sealed: refused or not sent (`not-sent`), or the sealing code did not load. */
export type CardFormFailure = 'not-sent' | 'not-loaded';

/**
 * What the form remembers between renders besides its request. The request's machine knows nothing of
 * it: it is what the person typed and which fields they have left, which never leave the form.
 */
export interface CardFormMemory {
  readonly values: CardFormValues;
  /** The fields whose errors may show: left once, or all of them after Pay was tried. */
  readonly touched: ReadonlySet<CardFormField>;
  /** A card is being sealed: Pay says so and does nothing more. */
  readonly paying: boolean;
  /** Why the last card could not be sealed; `null` when it was, or once the person types again or pays again. */
  readonly failed: CardFormFailure | null;
}

/** An empty form, as it starts and as it is again after a card was sealed. */
export const CARD_FORM_FRESH: CardFormMemory = Object.freeze({
  values: EMPTY,
  touched: new Set<CardFormField>(),
  paying: false,
  failed: null,
});

/** What happened in the form. */
export type CardFormMemoryEvent =
  /** The person typed (or pasted, or autofilled) in a field. */
  | { readonly type: 'typed'; readonly field: CardFormField; readonly value: string }
  /** The person left a field: its error may now show. */
  | { readonly type: 'left'; readonly field: CardFormField }
  /** Pay was tried while not every field was valid: every field's error shows. */
  | { readonly type: 'pay-refused'; readonly fields: readonly CardFormField[] }
  /** A card was handed to the session to seal. */
  | { readonly type: 'paying' }
  /** It was sealed: the form is emptied. */
  | { readonly type: 'sealed' }
  /** It could not be sealed (`not-sent` unless told): the fields stay as they are, and the form says why. */
  | { readonly type: 'not-sealed'; readonly failure?: CardFormFailure }
  /** The form left the page: what was typed is forgotten. */
  | { readonly type: 'cleared' };

/** The form's memory after `event`. Typing again ends a failure's message; so does a new attempt. */
export function nextCardFormMemory(memory: CardFormMemory, event: CardFormMemoryEvent): CardFormMemory {
  switch (event.type) {
    case 'typed':
      return { ...memory, values: { ...memory.values, [event.field]: event.value }, failed: null };
    case 'left':
      return memory.touched.has(event.field)
        ? memory
        : { ...memory, touched: new Set([...memory.touched, event.field]) };
    case 'pay-refused':
      return { ...memory, touched: new Set([...memory.touched, ...event.fields]) };
    case 'paying':
      return { ...memory, paying: true, failed: null };
    case 'sealed':
      return CARD_FORM_FRESH;
    case 'not-sealed':
      return { ...memory, paying: false, failed: event.failure ?? 'not-sent' };
    case 'cleared':
      return { ...memory, values: EMPTY, touched: new Set() };
  }
}
