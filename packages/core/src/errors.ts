/**
 * The base of every error ChatPay throws or returns. `code` is stable and meant for programs;
 * `message` is for people. Neither ever contains card data or any other value the user typed:
 * errors name what was wrong and where, not what was there.
 */
export class ChatPayError<Code extends string = string> extends Error {
  override name = 'ChatPayError';
  readonly code: Code;

  constructor(code: Code, message: string) {
    super(message);
    this.code = code;
  }
}

/** A value that is either what was asked for, or the typed error saying why not. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });

export type ConfigErrorCode = 'invalid-option';

/** An option given to a ChatPay factory is out of its documented range. */
export class ConfigError extends ChatPayError<ConfigErrorCode> {
  override name = 'ConfigError';
  readonly option: string;

  constructor(option: string, message: string) {
    super('invalid-option', message);
    this.option = option;
  }
}

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

export type TransportErrorCode =
  'closed' | 'queue-full' | 'send-timeout' | 'oversized' | 'not-serialisable' | 'socket-failed';

/** A transport refused or failed a send. Its message names the rule, never the message's contents. */
export class TransportError extends ChatPayError<TransportErrorCode> {
  override name = 'TransportError';
}

/** Why the last attempt at something failed: a code for programs, a message for people. */
export interface Failure {
  readonly code: string;
  readonly message: string;
}

/** The `Failure` for any thrown value. Only ChatPay's own errors lend their words: others may carry data. */
export function toFailure(error: unknown, fallback = 'The operation failed.'): Failure {
  if (error instanceof ChatPayError) return { code: error.code, message: error.message };
  return { code: 'failed', message: fallback };
}
