import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  createAgentRegistry,
  createAgentSession,
  createCustomerSession,
  paymentRequestMachine,
  phaseOf,
  type AgentRequest,
  type AgentSession,
  type AgentSessionEvent,
  type AuditFact,
  type PaymentRequestActor,
  type RegistryEvent,
  type SessionReport,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { Emitter } from '../src/emitter.js';
import { RequestBook, type RequestEvent } from '../src/request-book.js';
import { actorChanges } from '../../ui/src/follow.controller.js';
import { createScriptedPair, settle, until, VISA } from './support/scripted-transport.js';
import { expectOk, START, USD_12_50 } from './support/flow.js';
import { agentTrust, customerTrust } from '../../../test-support/trust.js';

/**
 * What reached the process's last-resort handlers. XState throws an observer's error again from a
 * timer, which ends a Node process; each test asserts that nothing got there once its work settled.
 */
const escaped: unknown[] = [];
const onEscaped = (error: unknown) => escaped.push(error);

beforeEach(() => {
  escaped.length = 0;
  process.on('uncaughtException', onEscaped);
  process.on('unhandledRejection', onEscaped);
});

afterEach(() => {
  process.off('uncaughtException', onEscaped);
  process.off('unhandledRejection', onEscaped);
});

/** Lets the timers that would throw again run (XState's use a zero delay), then says what escaped. */
async function escapedAfterWork(): Promise<unknown[]> {
  await settle();
  for (let round = 0; round < 3; round++) await new Promise((resolve) => setTimeout(resolve, 0));
  return [...escaped];
}

class SubscriberFault extends Error {
  constructor(where: string) {
    super(`a subscriber threw (${where})`);
  }
}

const thrower = (where: string) => () => {
  throw new SubscriberFault(where);
};

/** An agent-side actor of the machine, with nothing provided: enough to go from draft to confirming and back. */
function draftActor(requestId: string): PaymentRequestActor {
  return createActor(paymentRequestMachine, {
    input: { side: 'agent', requestId, conversationId: 'conv-1', viewWindowMs: 60_000 },
  });
}

describe('Emitter', () => {
  it('runs every listener and returns, though one throws, and hands the error to onError', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<number>({ onError: (error) => errors.push(error) });
    const heard: string[] = [];
    emitter.subscribe((n) => heard.push(`first ${n}`));
    emitter.subscribe(thrower('second'));
    emitter.subscribe((n) => heard.push(`third ${n}`));
    expect(() => emitter.emit(1)).not.toThrow();
    emitter.emit(2);
    expect(heard).toEqual(['first 1', 'third 1', 'first 2', 'third 2']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(SubscriberFault);
  });

  it('keeps going when onError throws too, and swallows errors when there is no onError', async () => {
    const guarded = new Emitter<string>({ onError: thrower('onError') });
    const bare = new Emitter<string>();
    const heard: string[] = [];
    for (const emitter of [guarded, bare]) {
      emitter.subscribe(thrower('listener'));
      emitter.subscribe((event) => heard.push(event));
    }
    expect(() => guarded.emit('guarded')).not.toThrow();
    expect(() => bare.emit('bare')).not.toThrow();
    expect(heard).toEqual(['guarded', 'bare']);
    expect(await escapedAfterWork()).toEqual([]);
  });

  it('does not call a listener that another unsubscribed while the event was going round', () => {
    const emitter = new Emitter<string>();
    const heard: string[] = [];
    let stopSecond = () => {};
    emitter.subscribe(() => stopSecond());
    stopSecond = emitter.subscribe((event) => heard.push(event)) as () => void;
    emitter.emit('once');
    expect(heard).toEqual([]);
  });
});

describe('RequestBook', () => {
  it('adds a request and tells the other subscribers of each change, though one throws', async () => {
    const errors: unknown[] = [];
    const book = new RequestBook<{ requestId: string; actor: PaymentRequestActor }>({
      onListenerError: (error) => errors.push(error),
    });
    const heard: RequestEvent<unknown>['type'][] = [];
    book.subscribe(thrower('book'));
    book.subscribe((event) => heard.push(event.type));
    const actor = draftActor('r-1');
    expect(() => book.add({ requestId: 'r-1', actor })).not.toThrow();
    expect(phaseOf(book.get('r-1')!.actor.getSnapshot())).toBe('draft');
    actor.send({ type: 'request.review', draft: USD_12_50 });
    expect(phaseOf(book.get('r-1')!.actor.getSnapshot())).toBe('confirming');
    book.remove('r-1');
    expect(heard).toContain('request-added');
    expect(heard).toContain('request-changed');
    expect(heard.at(-1)).toBe('request-removed');
    expect(errors.length).toBe(heard.length);
    expect(errors.every((error) => error instanceof SubscriberFault)).toBe(true);
    expect(await escapedAfterWork()).toEqual([]);
  });

  it('works as before when constructed with no options', async () => {
    const book = new RequestBook<{ requestId: string; actor: PaymentRequestActor }>();
    const heard: string[] = [];
    book.subscribe(thrower('book'));
    book.subscribe((event) => heard.push(event.type));
    book.add({ requestId: 'r-2', actor: draftActor('r-2') });
    expect(heard).toContain('request-added');
    expect(await escapedAfterWork()).toEqual([]);
  });

  it('tells subscribers when a request’s actor fails, and nothing is thrown again from a timer', async () => {
    const book = new RequestBook<{ requestId: string; actor: PaymentRequestActor }>();
    const failing = createActor(
      paymentRequestMachine.provide({
        actions: {
          keepDraft: () => {
            throw new Error('an action failed');
          },
        },
      }),
      { input: { side: 'agent', requestId: 'r-3', conversationId: 'conv-1', viewWindowMs: 60_000 } },
    ) as PaymentRequestActor;
    const seen: string[] = [];
    book.subscribe((event) => seen.push(`${event.type} ${event.request.actor.getSnapshot().status}`));
    book.add({ requestId: 'r-3', actor: failing });
    failing.send({ type: 'request.review', draft: USD_12_50 });
    expect(seen.at(-1)).toBe('request-changed error');
    expect(await escapedAfterWork()).toEqual([]);
  });
});

describe('an element following an actor (actorChanges)', () => {
  it('redraws when the actor fails, and nothing is thrown again from a timer', async () => {
    const failing = createActor(
      paymentRequestMachine.provide({
        actions: {
          keepDraft: () => {
            throw new Error('an action failed');
          },
        },
      }),
      { input: { side: 'agent', requestId: 'r-4', conversationId: 'conv-1', viewWindowMs: 60_000 } },
    );
    let redraws = 0;
    const stop = actorChanges(failing, () => redraws++);
    failing.start();
    const before = redraws;
    failing.send({ type: 'request.review', draft: USD_12_50 });
    expect(failing.getSnapshot().status).toBe('error');
    expect(redraws).toBe(before + 1);
    stop();
    expect(await escapedAfterWork()).toEqual([]);
  });
});

/** A stand-in for an agent session: the registry reads only these members. */
function fakeSession(conversationId: string) {
  const events = new Emitter<AgentSessionEvent>();
  let phase = 'waitingForCustomer';
  const request = {
    requestId: 'r-1',
    conversationId,
    observed: false,
    // The terms the registry names in its summaries: none here.
    actor: { getSnapshot: () => ({ context: { terms: null, draft: null } }) },
    // The card can be opened in this tab (its keys are here), with no conflict over the customer's key.
    timeline: () => ({
      phase,
      status: phase === 'cardSubmitted' ? 'view-card' : 'waiting-for-customer',
      keys: 'here',
      conflict: false,
    }),
  } as unknown as AgentRequest;
  const session = {
    conversationId,
    get requests() {
      return [request];
    },
    subscribe: (listener: (event: AgentSessionEvent) => void) => events.subscribe(listener),
    paymentAsk: null,
    subscribePaymentAsks: () => () => {},
  } as unknown as AgentSession;
  return {
    session,
    request,
    /** The card arrives: the session tells its subscribers. */
    cardArrives() {
      phase = 'cardSubmitted';
      events.emit({ type: 'request-changed', request });
    },
  };
}

describe('the agent registry with subscribers that throw', () => {
  it('raises the banner and the dot though a subscriber of the session, added before the registry, throws', async () => {
    const { session, cardArrives } = fakeSession('conv-b');
    session.subscribe(thrower('session, before the registry'));
    const registry = createAgentRegistry();
    const events: RegistryEvent[] = [];
    registry.subscribe((event) => events.push(event));
    registry.add(session);
    registry.setConversationInView('conv-a');
    cardArrives();
    expect(registry.needsAttention('conv-b')).toBe(true);
    expect(events).toContainEqual({ type: 'card-arrived', conversationId: 'conv-b', requestId: 'r-1' });
    expect(await escapedAfterWork()).toEqual([]);
  });

  it('tells the banner and the dots though an earlier subscriber of the registry throws, and reports it', async () => {
    const { session, cardArrives } = fakeSession('conv-b');
    const errors: unknown[] = [];
    const registry = createAgentRegistry({ onListenerError: (error) => errors.push(error) });
    registry.subscribe(thrower('registry'));
    const banner: RegistryEvent[] = [];
    const dot: boolean[] = [];
    registry.subscribe((event) => banner.push(event));
    registry.subscribe(() => dot.push(registry.needsAttention('conv-b')));
    expect(() => registry.add(session)).not.toThrow();
    expect(() => registry.setConversationInView('conv-a')).not.toThrow();
    expect(() => cardArrives()).not.toThrow();
    expect(banner).toContainEqual({ type: 'card-arrived', conversationId: 'conv-b', requestId: 'r-1' });
    expect(dot.at(-1)).toBe(true);
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(errors.every((error) => error instanceof SubscriberFault)).toBe(true);
    expect(await escapedAfterWork()).toEqual([]);
  });
});

/** An agent and a customer on one conversation, with the given (possibly throwing) hooks. */
function pair(
  hooks: {
    agentReport?: (report: SessionReport) => void;
    customerReport?: (report: SessionReport) => void;
    audit?: (fact: AuditFact) => void;
  } = {},
) {
  const clock = new ManualClock(START);
  const wire = createScriptedPair();
  const agent = createAgentSession({
    ...agentTrust('agent-7'),
    conversationId: 'conv-1',
    transport: wire.agent,
    clock,
    ...(hooks.agentReport ? { onReport: hooks.agentReport } : {}),
    ...(hooks.audit ? { onAudit: hooks.audit } : {}),
  });
  const customer = createCustomerSession({
    ...customerTrust(),
    conversationId: 'conv-1',
    transport: wire.customer,
    clock,
    ...(hooks.customerReport ? { onReport: hooks.customerReport } : {}),
  });
  const exchange = async () => {
    await settle();
    await Promise.all([agent.idle(), customer.idle()]);
    await wire.deliverAll(async () => {
      await settle();
      await customer.idle();
      await agent.idle();
    });
    await settle();
  };
  /** The agent sends a request and the customer pays it: the card waits at the agent. */
  const cardArrives = async (request: AgentRequest) => {
    expectOk(request.review(USD_12_50));
    expectOk(request.send());
    await until(() => request.timeline().phase === 'waitingForCustomer', 'waitingForCustomer');
    await exchange();
    const peer = customer.request(request.requestId);
    if (!peer) throw new Error('the request did not reach the customer');
    expectOk(peer.open());
    expectOk(await peer.pay(VISA));
    await exchange();
    await until(() => request.timeline().phase === 'cardSubmitted', 'cardSubmitted');
    return peer;
  };
  return { clock, wire, agent, customer, exchange, cardArrives };
}

describe('sessions with subscribers that throw', () => {
  it('createRequest() and every action return their results, the other subscribers hear each change, and each throw is reported', async () => {
    const reports: SessionReport[] = [];
    const { agent, customer, cardArrives } = pair({
      agentReport: (report) => reports.push(report),
      customerReport: (report) => reports.push(report),
    });
    agent.subscribe(thrower('agent session'));
    customer.subscribe(thrower('customer session'));
    const agentHeard: string[] = [];
    const customerHeard: string[] = [];
    agent.subscribe(({ type, request }) => agentHeard.push(`${type} ${request.timeline().phase}`));
    customer.subscribe(({ type, request }) => customerHeard.push(`${type} ${request.timeline().phase}`));
    const request = agent.createRequest();
    expect(request.timeline().phase).toBe('draft');
    expect(agentHeard).toContain('request-added draft');
    const peer = await cardArrives(request);
    expect(customerHeard.some((event) => event.startsWith('request-added '))).toBe(true);
    expect(peer.timeline().phase).toBe('cardSubmitted');
    const opened = await request.viewCard();
    expectOk(opened);
    expectOk(request.complete());
    expect(agentHeard).toContain('request-changed completed');
    expect(request.timeline().phase).toBe('completed');
    const failed = reports.filter((report) => report.type === 'listener-failed');
    // One report per event the throwing subscribers heard, on each side.
    expect(failed.length).toBe(agentHeard.length + customerHeard.length);
    expect(await escapedAfterWork()).toEqual([]);
  });

  it('the registry still raises attention when a subscriber of the session, added before it, throws', async () => {
    const { agent, cardArrives } = pair();
    agent.subscribe(thrower('agent session, before the registry'));
    const registry = createAgentRegistry();
    registry.subscribe(thrower('registry'));
    const events: RegistryEvent[] = [];
    registry.subscribe((event) => events.push(event));
    registry.add(agent);
    registry.setConversationInView('another conversation');
    const request = agent.createRequest();
    await cardArrives(request);
    expect(registry.needsAttention('conv-1')).toBe(true);
    expect(events).toContainEqual({ type: 'card-arrived', conversationId: 'conv-1', requestId: request.requestId });
    expect(await escapedAfterWork()).toEqual([]);
  });

  it('a throwing onReport on either side changes nothing: the junk is refused and the flow goes on', async () => {
    const reported: string[] = [];
    const failing = (side: string) => (report: SessionReport) => {
      reported.push(`${side} ${report.type}`);
      throw new SubscriberFault(`onReport ${side}`);
    };
    const { agent, wire, exchange, cardArrives } = pair({
      agentReport: failing('agent'),
      customerReport: failing('customer'),
    });
    wire.inject('agent', '{not json');
    wire.inject('customer', { version: 1 });
    await exchange();
    expect(reported).toEqual(['agent message-rejected', 'customer message-rejected']);
    const request = agent.createRequest();
    await cardArrives(request);
    expectOk(await request.viewCard());
    expect(await escapedAfterWork()).toEqual([]);
  });

  it('a throwing onAudit is told every fact, and viewing, copying and completing still return their results', async () => {
    const facts: AuditFact[] = [];
    const { agent, cardArrives } = pair({
      audit: (fact) => {
        facts.push(fact);
        throw new SubscriberFault('onAudit');
      },
    });
    const request = agent.createRequest();
    await cardArrives(request);
    const opened = await request.viewCard();
    expectOk(opened);
    expect(opened.ok && opened.value.number).toBe(VISA.number);
    expectOk(request.recordCopy('number'));
    expectOk(request.complete());
    expect(request.timeline().phase).toBe('completed');
    expect(facts.map((fact) => fact.type)).toEqual(['card-viewed', 'card-copied', 'request-completed']);
    expect(await escapedAfterWork()).toEqual([]);
  });
});
