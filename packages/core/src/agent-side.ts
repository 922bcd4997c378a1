import type { AgentKeyring } from './agent-keyring.js';
import type { AgentRequest } from './agent-request.js';
import type { AgentSessionOptions } from './agent-session.js';
import type { CardDetails } from './card-sealing.js';
import type { Clock } from './clock.js';
import type { ConversationLink } from './conversation-link.js';
import type { PaymentRequestActor, PaymentRequestMachine, Trust } from './payment-request.machine.js';
import type { MessageOf, Phase, RequestTerms } from './protocol.js';
import type { RequestBook } from './request-book.js';
import type { SessionReport } from './session-report.js';
import type { ForgottenRequests } from './trust.js';

/**
 * What the modules of the agent's session share: its settings, the link, its requests, and the
 * only places that hold the agent's secrets (the keyring and the opened cards). `AgentSession` makes
 * one and hands it to its request handles, its machine's effects and its handling of arrivals.
 */
export interface AgentSide {
  readonly agentId: string;
  readonly conversationId: string;
  readonly clock: Clock;
  readonly trust: Trust;
  readonly requestTtlMs: number;
  readonly viewWindowMs: number;
  readonly options: AgentSessionOptions;
  readonly link: ConversationLink;
  readonly book: RequestBook<AgentRequest>;
  readonly report: (report: SessionReport) => void;
  readonly forgotten: ForgottenRequests;
  readonly keyring: AgentKeyring;
  /** Opened cards, while their request is in `cardViewing`. */
  readonly cards: Map<string, CardDetails>;
  /** The customer key bound by the customer's first message about the request (opened, declined or the card). */
  readonly customerKeys: Map<string, string>;
  /** New requests sent in place of one that cannot be opened here: new id → old id. */
  readonly replacing: Map<string, string>;
  /** Requests whose card could not be opened yet and is to be asked for again: one timer each, however many copies arrive. */
  readonly askingAgain: Set<string>;
  /** Starts a new request in `draft` (see `AgentSession.createRequest`). */
  createRequest(): AgentRequest;
  /** The machine of one of this agent's own requests, with this side's effects. */
  machine(requestId: string): PaymentRequestMachine;
  /** The machine of a request this session follows but cannot act on. */
  observerMachine(): PaymentRequestMachine;
  /** The checks every session makes on a `request.created`. */
  checkArrival(message: MessageOf<'request.created'>): Promise<'new' | boolean>;
  /** Ends the request a new one replaces, if this session has it. */
  replaceOld(terms: RequestTerms): void;
  /** How many requests are under way. */
  liveCount(): number;
}

/** Whether the request's actor is running, in `phase`, in an open session. */
export function isIn(side: AgentSide, requestId: string, phase: Phase): boolean {
  const snapshot = side.book.get(requestId)?.actor.getSnapshot();
  return !side.link.closed && snapshot?.status === 'active' && snapshot.value === phase;
}

/** The actor of the request, if the session has it. */
export function actorOf(side: AgentSide, requestId: string): PaymentRequestActor | undefined {
  return side.book.get(requestId)?.actor;
}
