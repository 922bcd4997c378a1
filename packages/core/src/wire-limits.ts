// The protocol's version and its largest message, apart from protocol.ts so that a transport, which
// needs only these two, loads nothing else of it.

/**
 * Wire protocol v2: the messages the agent's and the customer's sessions exchange through a
 * `Transport`. Every message is a JSON object with the same envelope; only `body` differs by `type`.
 * Every message is signed by its sender's key for the request (see `signing.ts`): the agent's is
 * announced, and vouched for by the integrator, in `request.created`; the customer's travels in each
 * of its messages and is bound by its first decision. `parseMessage` is the only way a received value
 * becomes one of these types; a session then checks its signature before acting on it. The one
 * exception is the customer's ask for a card request (`PaymentAsked`), which precedes every request
 * and so every key: unsigned, empty, and able only to prompt the agent.
 */
export const PROTOCOL_VERSION = 2;

/** The largest message accepted, in UTF-16 code units of its JSON text. */
export const MAX_MESSAGE_LENGTH = 16_384;
