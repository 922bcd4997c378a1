import { createActor } from 'xstate';
import { followedRequest, ownRequest, type AgentRequest } from './agent-request.js';
import type { AgentSide } from './agent-side.js';
import type { AgentKeys } from './agent-key-pair.js';
import { loadCardSealing, type CardSealingModule } from './card-sealing.loader.js';
import { SYNC_ANSWER_INTERVAL_MS, type Arrival } from './conversation-link.js';
import type { MessageOf, RequestTerms, WireMessage } from './protocol.js';
import { eventOf, route } from './request-handle.js';
import { verifyMessage } from './signing.js';
import { agentTimeline } from './status.js';
import { refuse } from './trust.js';

/*
 * What the agent's session does with a screened message of its conversation: a request arriving
 * (another agent's, or this agent's own from the history or another tab), the customer's word
 * (signed by the key bound by the customer's first message), another agent's outcome (signed by
 * that request's agent key), and a sync or state of the peer. Only then does a message reach an actor.
 */

/** Authenticates a screened message and routes it; resolves with whether it was acted on. */
export async function receiveAsAgent(side: AgentSide, message: WireMessage, arrival: Arrival): Promise<boolean> {
  switch (message.type) {
    case 'request.created':
      return arrive(side, message);
    case 'request.sync':
    case 'request.state':
      return control(side, message);
    case 'request.opened':
    case 'request.declined':
    case 'request.submitted':
      return fromCustomer(side, message, arrival);
    default:
      return fromAgent(side, message, arrival);
  }
}

/** The request the message is about, or undefined (reported as unknown, or forgotten). */
function known(side: AgentSide, message: WireMessage): AgentRequest | undefined {
  const request = side.book.get(message.requestId);
  if (!request) {
    side.report({
      type: 'message-ignored',
      reason: side.forgotten.has(message.requestId) ? 'forgotten' : 'unknown-request',
      messageType: message.type,
      requestId: message.requestId,
    });
  }
  return request;
}

/** The request's terms, once it has been sent or received. */
function termsOf(request: AgentRequest): RequestTerms | null {
  return request.actor.getSnapshot().context.terms;
}

/** A request of this conversation: another agent's, or this agent's own from the history or another tab or device. */
async function arrive(side: AgentSide, message: MessageOf<'request.created'>): Promise<boolean> {
  const { requestId, body: terms } = message;
  const checked = await side.checkArrival(message);
  if (checked !== 'new') return checked;
  if (side.link.closed || side.book.get(requestId)) return true;
  const mine = terms.agentKey.agentId === side.agentId;
  let keys: AgentKeys | undefined;
  if (mine) {
    keys = await side.keyring.load(requestId);
    if (side.link.closed || side.book.get(requestId)) return true;
  }
  const input = {
    requestId,
    conversationId: side.conversationId,
    terms,
    trust: side.trust,
  };
  if (mine && keys) {
    // This agent's own request, rebuilt from the history after a reload: the keys are here, it acts as before.
    side.keyring.set(requestId, keys);
    // The code that opens its card is fetched now, as when it was sent (see `agent-machine.ts`).
    if (keys.encryption) loadCardSealing().catch(() => undefined);
    const actor = createActor(side.machine(requestId), {
      input: { ...input, side: 'agent', viewWindowMs: side.viewWindowMs, keys: keys.encryption ? 'here' : 'opened' },
    });
    side.book.add(ownRequest(side, requestId, actor));
    if (!agentTimeline(actor.getSnapshot()).settled) side.keyring.claim(requestId, actor);
  } else {
    // Another agent's request, or this agent's whose keys are not here: followed, never acted on.
    const actor = createActor(side.observerMachine(), {
      input: { ...input, side: 'observer', viewWindowMs: Infinity, keys: mine ? 'gone' : 'none' },
    });
    side.book.add(followedRequest(side, requestId, actor, mine));
  }
  side.replaceOld(terms);
  return true;
}

/** A signed `request.sync` (answered) or `request.state` (reported) of the customer of one of this agent's requests. */
async function control(
  side: AgentSide,
  message: MessageOf<'request.sync'> | MessageOf<'request.state'>,
): Promise<boolean> {
  // Another agent's (or this agent's other tab's) sync or state: its sender answers for its own requests.
  const customerKey = message.customerKey;
  if (!customerKey) return true;
  const request = known(side, message);
  if (!request || request.observed || request.timeline().keys !== 'here') return true;
  if (!(await verifyMessage(message, customerKey))) return refuse(side.report, message, 'bad-signature');
  const bound = side.customerKeys.get(message.requestId);
  if (bound && bound !== customerKey) return refuse(side.report, message, 'customer-key-conflict');
  if (message.type === 'request.state') {
    side.report({ type: 'peer-state', requestId: message.requestId, phase: message.body.phase });
  } else {
    side.link.answerSync(message, request.timeline().phase);
  }
  return true;
}

/** The customer's word: signed by the key bound by the customer's first message, or that first message itself. */
async function fromCustomer(
  side: AgentSide,
  message: MessageOf<'request.opened'> | MessageOf<'request.declined'> | MessageOf<'request.submitted'>,
  arrival: Arrival,
): Promise<boolean> {
  const request = known(side, message);
  if (!request) return false;
  const { requestId, customerKey } = message;
  if (!(await verifyMessage(message, customerKey))) return refuse(side.report, message, 'bad-signature');
  const bound = side.customerKeys.get(requestId);
  if (bound && bound !== customerKey) {
    request.actor.send({ type: 'customer.conflict' });
    return refuse(side.report, message, 'customer-key-conflict');
  }
  if (message.type === 'request.submitted') {
    const trial = await tryOpening(side, request, message);
    if (trial === 'refused') return refuse(side.report, message, 'unopenable-card');
    if (trial === 'not-loaded') {
      side.report({ type: 'message-ignored', reason: 'opening-not-loaded', messageType: message.type, requestId });
      askAgainLater(side, requestId);
      return false;
    }
  }
  // The key is bound before the actor moves: a subscriber may open the card as soon as it does.
  const event = eventOf(message, arrival.receivedAt);
  if (event && request.actor.getSnapshot().can(event)) side.customerKeys.set(requestId, customerKey);
  return route(request.actor, message, arrival.receivedAt, side.report);
}

/**
 * Whether a sealed card opens with this request's key, tried as it arrives so that a card sealed by
 * anyone but the customer, or for another request, is refused before it can end the request. The
 * opened copy is dropped at once; the viewer opens it again. Without the key here, nothing can be
 * tried (`opens`). The opening code loads on demand: when it does not load, nothing is known yet
 * (`not-loaded`), and the card is neither taken nor refused.
 */
async function tryOpening(
  side: AgentSide,
  request: AgentRequest,
  message: MessageOf<'request.submitted'>,
): Promise<'opens' | 'refused' | 'not-loaded'> {
  const keys = side.keyring.get(message.requestId);
  const terms = termsOf(request);
  if (!keys?.encryption || !terms) return 'opens';
  let sealing: CardSealingModule;
  try {
    sealing = await loadCardSealing();
  } catch {
    return 'not-loaded';
  }
  try {
    await sealing.openCard(message.body.sealed, keys.encryption, {
      requestId: message.requestId,
      conversationId: side.conversationId,
      terms,
      customerKey: message.customerKey,
    });
    return 'opens';
  } catch {
    return 'refused';
  }
}

/**
 * How long after the opening code failed to load the card is asked for again (`request.sync`, which
 * the customer answers with everything it sent): no sooner than the customer answers a sync.
 */
export const OPENING_RETRY_MS = SYNC_ANSWER_INTERVAL_MS;

/** Asks the customer for the request's messages again in `OPENING_RETRY_MS`, if the card is still awaited then. */
function askAgainLater(side: AgentSide, requestId: string): void {
  const pending = side.askingAgain;
  if (pending.has(requestId)) return;
  pending.add(requestId);
  side.clock.setTimeout(() => {
    pending.delete(requestId);
    const phase = side.book.get(requestId)?.timeline().phase;
    if (!side.link.closed && (phase === 'waitingForCustomer' || phase === 'customerEntering'))
      side.link.resync([requestId]);
  }, OPENING_RETRY_MS);
}

/** An agent's outcome from elsewhere (another agent, or this agent's other tab or device): signed by that request's agent key. */
async function fromAgent(
  side: AgentSide,
  message: MessageOf<'request.completed'> | MessageOf<'request.cancelled'> | MessageOf<'request.expired'>,
  arrival: Arrival,
): Promise<boolean> {
  const request = known(side, message);
  const terms = request && termsOf(request);
  if (!request || !terms) return false;
  if (!(await verifyMessage(message, terms.agentKey.signingKey))) return refuse(side.report, message, 'bad-signature');
  return route(request.actor, message, arrival.receivedAt, side.report);
}
