/**
 * Control frames between the transport and its server, never passed to sessions: the server answers
 * `{"heartbeat":"ping"}` with `{"heartbeat":"pong"}`, and, with `acknowledgements`, answers each
 * message with `{"ack":"<message id>"}` once it has taken it, or `{"nack":"<message id>"}` if it
 * could not. A server that keeps the conversation's log (`history`, ChatPay's relay in
 * `@chatpay/server`) also sends each message as `{"entry":{"cursor","acceptedAt","sender","message"}}`,
 * says `{"caughtUp":"<cursor>"}` once it has replayed what the transport missed, and answers an
 * in-band `{"refresh":"<token>"}` with `{"refreshed":<expiry>}` or `{"refreshFailed":"<code>"}`.
 */
export const HEARTBEAT_PING = '{"heartbeat":"ping"}';
/** The server's answer to `HEARTBEAT_PING`. */
export const HEARTBEAT_PONG = '{"heartbeat":"pong"}';

const CONTROL_KEYS = ['heartbeat', 'ack', 'nack', 'entry', 'caughtUp', 'refreshed', 'refreshFailed'] as const;

/** A control frame as received: any of its fields may hold anything, since the server is not trusted. */
export type ControlFrame = Partial<Record<(typeof CONTROL_KEYS)[number], unknown>> & { readonly code?: unknown };

/** Whether a received value is a control frame rather than a protocol message (which has a `version`). */
export function isControlFrame(value: unknown): value is ControlFrame {
  return (
    typeof value === 'object' && value !== null && !('version' in value) && CONTROL_KEYS.some((key) => key in value)
  );
}

/** The in-band frame that hands the server a fresh join token. */
export const refreshFrame = (token: string): string => JSON.stringify({ refresh: token });
