/**
 * The base of every error ChatPay throws or returns. `code` is stable and meant for programs;
 * `message` is for people. Neither ever contains card data or any other value the user typed:
 * errors name what was wrong and where, not what was there.
 */
export class ChatPayError<Code extends string = string> extends Error {
  /** The class of the error, for logs (`'ChatPayError'`, `'ConfigError'`…): each subclass sets its own. */
  override name = 'ChatPayError';
  /** What went wrong, for programs: stable across versions, one of the subclass's documented codes. */
  readonly code: Code;

  constructor(code: Code, message: string) {
    super(message);
    this.code = code;
  }
}

/** A value that is either what was asked for, or the typed error saying why not. */
export type Result<T, E> =
  | {
      /** It worked. */
      readonly ok: true;
      /** What was asked for. */
      readonly value: T;
    }
  | {
      /** It did not. */
      readonly ok: false;
      /** Why not. */
      readonly error: E;
    };

/** The `Result` that holds `value`. */
export const ok = <T>(
  value: T,
): {
  /** It worked. */
  readonly ok: true;
  /** What was asked for. */
  readonly value: T;
} => ({ ok: true, value });
/** The `Result` that holds `error`. */
export const err = <E>(
  error: E,
): {
  /** It did not work. */
  readonly ok: false;
  /** Why not. */
  readonly error: E;
} => ({ ok: false, error });

/** `ConfigError`'s codes: `invalid-option`, an option out of its documented range. */
export type ConfigErrorCode = 'invalid-option';

/** An option given to a ChatPay factory is out of its documented range. */
export class ConfigError extends ChatPayError<ConfigErrorCode> {
  override name = 'ConfigError';
  /** The option that was out of range, as it is named in the options object (`viewWindowMs`). */
  readonly option: string;

  constructor(option: string, message: string) {
    super('invalid-option', message);
    this.option = option;
  }
}

/**
 * `SessionError`'s codes: `not-allowed-now` (the phase does not allow it), `not-your-request` (another agent's,
 * or one this session only observes), `unknown-request`, `invalid-reason`, `session-closed`,
 * `too-many-requests` (past `maxLiveRequests`), `key-gone` (its keys are no longer here), `customer-key-conflict`
 * (two customer keys spoke for one request), `rate-limited`.
 */
export type SessionErrorCode =
  | 'not-allowed-now'
  | 'not-your-request'
  | 'unknown-request'
  | 'invalid-reason'
  | 'session-closed'
  | 'too-many-requests'
  | 'key-gone'
  | 'customer-key-conflict'
  | 'rate-limited';

/** A session refused a call: the request is not in a phase that allows it, the input is invalid, a bound or a rate is reached, or the session is closed. */
export class SessionError extends ChatPayError<SessionErrorCode> {
  override name = 'SessionError';
}

/**
 * `TransportError`'s codes: `closed`, `queue-full` (too many sends waiting), `send-timeout`, `oversized` (past
 * the transport's size limit), `not-serialisable`, `socket-failed`.
 */
export type TransportErrorCode =
  'closed' | 'queue-full' | 'send-timeout' | 'oversized' | 'not-serialisable' | 'socket-failed';

/** A transport refused or failed a send. Its message names the rule, never the message's contents. */
export class TransportError extends ChatPayError<TransportErrorCode> {
  override name = 'TransportError';
}

/** Why the last attempt at something failed: a code for programs, a message for people. */
export interface Failure {
  /** The error's `code`, or `failed` for an error that is not ChatPay's. */
  readonly code: string;
  /** A sentence for people; never card data. */
  readonly message: string;
}

/** The `Failure` for any thrown value. Only ChatPay's own errors lend their words: others may carry data. */
export function toFailure(error: unknown, fallback = 'The operation failed.'): Failure {
  if (error instanceof ChatPayError) return { code: error.code, message: error.message };
  return { code: 'failed', message: fallback };
}
