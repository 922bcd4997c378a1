import {
  currencyDigits,
  formatMoney,
  isCurrency,
  MAX_REASON_LENGTH,
  MoneyError,
  numberSeparators,
  reasonProblem,
  SessionError,
  type Money,
  type PaymentRequestSnapshot,
  type Result,
} from '@chatpay/core';
import { amountRulesFor, isAmountInProgress, readTypedAmount } from './amount-typing.js';
import type { ComposerForm, ComposerProblem, Field, Refusal } from './request-composer.form.js';
import type { RequestComposerMessages } from './request-composer.messages.js';

/** What the composer needs to know to show itself, read at each render. */
export interface ComposerState {
  readonly form: ComposerForm;
  /** The machine of the request being composed; undefined before the first Request and once it is sent. */
  readonly snapshot: Pick<PaymentRequestSnapshot, 'can' | 'context'> | undefined;
  /** What the amount mask holds, as shown. */
  readonly amountText: string;
  /** The element's `currency` and `currencies`. */
  readonly currency: string;
  readonly currencies: readonly string[] | undefined;
  readonly locale: string | undefined;
  /** The composer has a session to make requests with. */
  readonly hasSession: boolean;
  /** The session's largest amount, in major units; undefined without a session. */
  readonly maximum: number | undefined;
}

/** What the composer shows: the element maps it to its form and confirmation, and forwards presses. */
export interface ComposerView {
  /** The allowed currencies, in order, and the one chosen now. */
  readonly currencies: readonly string[];
  readonly chosen: string;
  /** A code in the list that is not ISO 4217: said, and Request is disabled. */
  readonly currencyError: string | null;
  readonly amountHint: string;
  readonly amountError: string | null;
  readonly reasonError: string | null;
  readonly reasonCount: string;
  readonly requestEnabled: boolean;
  /** The request made at the first Request can still be discarded. */
  readonly discardOffered: boolean;
  /** The confirmation step: the request is in its `confirming` phase. */
  readonly confirmation: {
    readonly amount: string;
    readonly reason: string;
    /** The session refused to send it. */
    readonly error: string | null;
  } | null;
  /** What the polite live region says. */
  readonly announced: string;
}

/** The allowed currencies, in order, and the one chosen now: the agent's choice while it is allowed, else `currency`. */
export function currenciesOf(
  currency: string,
  currencies: readonly string[] | undefined,
  chosen: string | undefined,
): { readonly list: readonly string[]; readonly chosen: string } {
  const list = currencies?.length ? currencies : [currency];
  const shown = chosen && list.includes(chosen) ? chosen : list.includes(currency) ? currency : list[0]!;
  return { list, chosen: shown };
}

/** The amount the field shows, read for the chosen currency, the locale and the session's maximum. */
export function amountOf(state: ComposerState): Result<Money, MoneyError> {
  const { chosen } = currenciesOf(state.currency, state.currencies, state.form.chosen);
  return readTypedAmount(state.amountText, amountRulesFor(state.locale, chosen), state.maximum);
}

/** The language code of `locale`, or of the runtime's when none is set: "en" for en-US. */
const languageOf = (locale: string | undefined): string =>
  new Intl.Locale(new Intl.NumberFormat(locale).resolvedOptions().locale).language;

/** Where a refusal of Request goes: a reason the session refused on the reason, anything else on the amount. */
export function refusalOf(error: MoneyError | SessionError, currency: string): Refusal {
  const field: Field = error instanceof SessionError && error.code === 'invalid-reason' ? 'reason' : 'amount';
  return { field, problem: { kind: 'refused', error, currency } };
}

/** Why an amount of `currency` was refused, in `words`. */
function amountMessage(
  error: MoneyError,
  currency: string,
  words: RequestComposerMessages,
  locale: string | undefined,
  maximum: number | undefined,
): string {
  const said = words.amountErrors;
  if (error.code === 'over-maximum' && maximum !== undefined) {
    const scale = 10 ** currencyDigits(currency);
    return said.overMaximum(formatMoney({ minor: maximum * scale, currency }, locale));
  }
  if (error.code === 'too-many-decimals') return said.tooManyDecimals(currency, currencyDigits(currency));
  const { group, decimal } = numberSeparators(locale);
  if (error.code === 'ambiguous-separator') return words.ambiguousSeparator(languageOf(locale), group, decimal);
  if (error.code === 'letters') return words.notANumber(decimal);
  return said[error.code];
}

/** What is wrong with `reason`, in `words`, or null: the rule is core's `reasonProblem`. */
export function reasonMessage(reason: string, words: RequestComposerMessages): string | null {
  switch (reasonProblem(reason)) {
    case 'required':
      return words.reasonRequired;
    case 'too-long':
      return words.reasonInvalid(MAX_REASON_LENGTH);
    case 'unsafe':
      return words.reasonUnsafe;
    case null:
      return null;
  }
}

/**
 * The one place where a problem becomes words: a typed error by its class and `code` (a money error
 * on the amount, a refused reason on the reason, anything else as "could not be sent").
 */
export function problemMessage(
  problem: ComposerProblem,
  words: RequestComposerMessages,
  locale: string | undefined,
  maximum: number | undefined,
): string {
  switch (problem.kind) {
    case 'decimals-dropped':
      return words.decimalsDropped(problem.currency);
    case 'not-sent':
      return words.notSent;
    case 'refused': {
      const { error, currency } = problem;
      if (error instanceof MoneyError) return amountMessage(error, currency, words, locale, maximum);
      if (error instanceof SessionError && error.code === 'invalid-reason')
        return words.reasonInvalid(MAX_REASON_LENGTH);
      return words.notSent;
    }
  }
}

/**
 * What the composer shows for `state`, in `words`. Errors show on a field once it is touched, and stay
 * while its text is wrong; an amount still being typed ("12.") waits until the field is left.
 */
export function connectRequestComposer(state: ComposerState, words: RequestComposerMessages): ComposerView {
  const { form, snapshot, locale, maximum } = state;
  const { list, chosen } = currenciesOf(state.currency, state.currencies, form.chosen);
  const unknown = list.find((code) => !isCurrency(code));
  const refusalFor = (field: Field | 'send') =>
    form.refusal?.field === field ? problemMessage(form.refusal.problem, words, locale, maximum) : null;
  const errorFor = (field: Field): string | null => {
    if (!form.touched.has(field)) return null;
    const amount = field === 'amount' ? amountOf(state) : null;
    // An amount still being typed ("12.") is said once the field is left.
    const inProgress = form.amountTyping && isAmountInProgress(state.amountText, amountRulesFor(locale, chosen));
    if (amount && !amount.ok && inProgress) return null;
    const own =
      amount === null
        ? reasonMessage(form.reason, words)
        : amount.ok
          ? null
          : amountMessage(amount.error, chosen, words, locale, maximum);
    return own ?? refusalFor(field);
  };
  const draft = snapshot?.context.draft;
  const confirming = snapshot?.can({ type: 'request.send' }) && draft;
  return {
    currencies: list,
    chosen,
    currencyError: unknown ? words.currencyUnknown(unknown) : null,
    amountHint: isCurrency(chosen) ? words.amountHint(chosen, currencyDigits(chosen)) : '',
    amountError: errorFor('amount'),
    reasonError: errorFor('reason'),
    reasonCount: words.reasonCount(form.reason.length, MAX_REASON_LENGTH),
    requestEnabled: state.hasSession && !unknown,
    discardOffered: snapshot?.can({ type: 'request.cancel' }) ?? false,
    confirmation: confirming
      ? { amount: formatMoney(draft.amount, locale), reason: draft.reason, error: refusalFor('send') }
      : null,
    announced: form.sent ? words.sent : '',
  };
}
