import type { Clock } from './clock.js';
import type { Arrival } from './conversation-link.js';
import { Emitter } from './emitter.js';
import { PAYMENT_ASK_INTERVAL_MS, type PaymentAsked } from './protocol.js';
import type { SessionReport } from './session-report.js';

/** An ask in the history older than this is not shown: a reloaded console does not bring back old asks. */
export const PAYMENT_ASK_FRESH_MS = 15 * 60 * 1000;

/** The customer's ask for a card request, as the agent's side shows it: which conversation, and when. Nothing else. */
export interface PaymentAsk {
  /** The conversation whose customer asked. */
  readonly conversationId: string;
  /** When it arrived (for one from the history, when the backend accepted it), ms since the epoch. */
  readonly askedAt: number;
}

export interface PaymentAsksOptions {
  readonly conversationId: string;
  readonly clock: Clock;
  readonly report: (report: SessionReport) => void;
  readonly onListenerError?: ((error: unknown) => void) | undefined;
}

/**
 * The agent's side of the customer's unsigned asks for a card request, in one conversation: at most
 * one shown at a time, and at most one shown per `PAYMENT_ASK_INTERVAL_MS`, so a flood prompts the
 * agent once. Copies never get here (the link drops them by id). Every ask not shown is reported
 * (`ask-rate-limited`). It holds no request and changes none: the agent answers by sending a request,
 * which clears the ask, or by dismissing it.
 */
export class PaymentAsks {
  readonly #options: PaymentAsksOptions;
  readonly #events: Emitter<PaymentAsk | null>;
  #current: PaymentAsk | null = null;
  #lastShownAt: number | undefined;

  constructor(options: PaymentAsksOptions) {
    this.#options = options;
    this.#events = new Emitter({ onError: options.onListenerError });
  }

  /** The ask the agent has not answered or dismissed yet, if any. */
  get current(): PaymentAsk | null {
    return this.#current;
  }

  /** A screened `payment.asked` of this conversation: shown, or reported and dropped. */
  receive(ask: PaymentAsked, arrival: Arrival): void {
    const at = arrival.receivedAt;
    const stale = arrival.fromHistory && this.#options.clock.now() - at > PAYMENT_ASK_FRESH_MS;
    const tooSoon = this.#lastShownAt !== undefined && at - this.#lastShownAt < PAYMENT_ASK_INTERVAL_MS;
    if (stale || tooSoon || this.#current) {
      this.#options.report({
        type: 'message-ignored',
        reason: 'ask-rate-limited',
        messageType: ask.type,
        requestId: ask.requestId,
      });
      return;
    }
    this.#lastShownAt = at;
    this.#current = { conversationId: this.#options.conversationId, askedAt: at };
    this.#events.emit(this.#current);
  }

  /** The agent answered (a request was sent) or dismissed the ask. */
  clear(): void {
    if (!this.#current) return;
    this.#current = null;
    this.#events.emit(null);
  }

  /** Calls `listener` with the ask shown now, or null once it is cleared. */
  subscribe(listener: (ask: PaymentAsk | null) => void): () => void {
    return this.#events.subscribe(listener);
  }

  close(): void {
    this.#current = null;
    this.#events.clear();
  }
}
