import { err, ok, SessionError, type Result } from './errors.js';
import { createMoney, type Money, type MoneyError } from './money.js';
import { MAX_REASON_LENGTH, UNSAFE_TEXT } from './protocol.js';

/** What an agent asks for: an amount and the reason for the charge, as typed (the reason may carry edge spaces). */
export interface TermsInput {
  /** What the customer will be asked to pay. */
  readonly amount: Money;
  /** Why, as typed. */
  readonly reason: string;
}

/** Why a reason cannot be sent: none given, longer than `MAX_REASON_LENGTH`, or a character the customer must not be shown. */
export type ReasonProblem = 'required' | 'too-long' | 'unsafe';

/**
 * The one rule for a reason for charge, after its edge spaces are dropped: 1 to `MAX_REASON_LENGTH`
 * characters, none of `UNSAFE_TEXT`. The composer shows it as the agent types; the session enforces it.
 */
export function reasonProblem(reason: string): ReasonProblem | null {
  const trimmed = reason.trim();
  if (trimmed === '') return 'required';
  if (trimmed.length > MAX_REASON_LENGTH) return 'too-long';
  if (UNSAFE_TEXT.test(trimmed)) return 'unsafe';
  return null;
}

/**
 * The terms of a request as they will be sent: the amount checked for its currency and the maximum, the
 * reason trimmed and checked by `reasonProblem`. Input from JavaScript callers is not trusted to be typed.
 */
export function checkTerms(input: TermsInput, maximum?: number): Result<TermsInput, MoneyError | SessionError> {
  const amount = createMoney(input.amount.minor, input.amount.currency, maximum === undefined ? {} : { maximum });
  if (!amount.ok) return amount;
  const reason = typeof input.reason === 'string' ? input.reason : '';
  if (reasonProblem(reason) !== null) {
    return err(
      new SessionError(
        'invalid-reason',
        `Enter a reason of 1 to ${MAX_REASON_LENGTH} characters, without control, direction-changing or invisible characters.`,
      ),
    );
  }
  return ok({ amount: amount.value, reason: reason.trim() });
}
