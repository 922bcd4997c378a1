import { describe, expect, it } from 'vitest';
import {
  createAgentRegistry,
  createAgentSession,
  createMemoryHub,
  CUSTOMER_MESSAGE_TYPES,
  MAX_MESSAGE_LENGTH,
  PAYMENT_ASK_FRESH_MS,
  PAYMENT_ASK_INTERVAL_MS,
  PAYMENT_ASKED,
  parseMessage,
  type PaymentAsk,
  type ProtocolErrorCode,
  type RegistryEvent,
  type SessionReport,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { agentTrust } from '../../../test-support/trust.js';
import { createFlow, expectOk, START } from './support/flow.js';
import { VISA } from './support/scripted-transport.js';

const ASK = {
  version: 2,
  id: 'ask_0001-abcd',
  requestId: 'ask_0001-abcd',
  conversationId: 'conv-1',
  type: PAYMENT_ASKED,
  sentAt: START,
  body: {},
} as const;

/** An ask of its own id. */
const ask = (id: string, extra: Record<string, unknown> = {}) => ({ ...ASK, id, requestId: id, ...extra });

describe('parseMessage: the customer’s ask for a card request', () => {
  it('reads a well-formed ask into a fresh copy', () => {
    const parsed = parseMessage(JSON.stringify(ASK));
    expect(parsed).toEqual({ ok: true, value: ASK });
  });

  it('is one of the types only a customer sends (the relay lets customers, not agents, send it)', () => {
    expect(CUSTOMER_MESSAGE_TYPES).toContain(PAYMENT_ASKED);
  });

  const refusals: readonly { name: string; input: unknown; code: ProtocolErrorCode; path: string }[] = [
    {
      name: 'a card number in the body',
      input: { ...ASK, body: { number: VISA.number } },
      code: 'unexpected-field',
      path: 'body.number',
    },
    {
      name: 'a brand and last four in the body',
      input: { ...ASK, body: { brand: 'visa', lastFour: '1111' } },
      code: 'unexpected-field',
      path: 'body.brand',
    },
    {
      name: 'text in the body',
      input: { ...ASK, body: { text: 'hello' } },
      code: 'unexpected-field',
      path: 'body.text',
    },
    { name: 'a body that is not an object', input: { ...ASK, body: 'pay me' }, code: 'invalid-field', path: 'body' },
    { name: 'no body', input: { ...ASK, body: undefined }, code: 'missing-field', path: 'body' },
    {
      name: 'a forged signature',
      input: { ...ASK, signature: 'A'.repeat(86) },
      code: 'unexpected-field',
      path: 'signature',
    },
    {
      name: 'a customer key',
      input: { ...ASK, customerKey: 'B'.repeat(87) },
      code: 'unexpected-field',
      path: 'customerKey',
    },
    {
      name: 'a request id that names a request',
      input: { ...ASK, requestId: 'req_0001-abcd' },
      code: 'invalid-field',
      path: 'requestId',
    },
    { name: 'a card number as the id', input: ask(`${VISA.number} `), code: 'invalid-field', path: 'id' },
    { name: 'an unknown extra field', input: { ...ASK, amount: 100 }, code: 'unexpected-field', path: 'amount' },
    { name: 'the wrong version', input: { ...ASK, version: 1 }, code: 'unsupported-version', path: 'version' },
    { name: 'a time that is not an instant', input: { ...ASK, sentAt: -1 }, code: 'invalid-field', path: 'sentAt' },
    { name: 'a list for a body', input: { ...ASK, body: [] }, code: 'invalid-field', path: 'body' },
    {
      name: 'an oversized ask',
      input: { ...ASK, body: { pad: 'x'.repeat(MAX_MESSAGE_LENGTH) } },
      code: 'too-large',
      path: '',
    },
    { name: 'a misspelt type', input: { ...ASK, type: 'payment.asks' }, code: 'unknown-type', path: 'type' },
  ];
  it.each(refusals)('refuses $name ($code at "$path"), never echoing it', ({ input, code, path }) => {
    const parsed = parseMessage(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect({ code: parsed.error.code, path: parsed.error.path }).toEqual({ code, path });
    expect(parsed.error.message).not.toContain(VISA.number);
    expect(parsed.error.message).not.toContain('hello');
  });
});

/** An agent session on a hub with history, its reports and the asks it shows, and a raw end for hostile input. */
async function agentOnHub(clock = new ManualClock(START)) {
  const hub = createMemoryHub({ history: true, clock });
  const reports: SessionReport[] = [];
  const session = createAgentSession({
    ...agentTrust(),
    conversationId: 'conv-1',
    transport: hub.connect(),
    clock,
    onReport: (report) => reports.push(report),
  });
  const shown: (PaymentAsk | null)[] = [];
  session.subscribePaymentAsks((current) => shown.push(current));
  const raw = hub.connect();
  // The history is read first: what is sent from here on arrives live, once.
  await session.idle();
  return { hub, clock, session, reports, shown, raw };
}

const rateLimited = (reports: readonly SessionReport[]) =>
  reports.filter((report) => report.type === 'message-ignored' && report.reason === 'ask-rate-limited').length;

describe('the agent’s side of an ask', () => {
  it('shows a customer’s ask, and only the conversation and when it came', async () => {
    const flow = createFlow();
    expectOk(await flow.customer.askToPayByCard());
    await flow.exchange();
    expect(flow.agent.paymentAsk).toEqual({ conversationId: 'conv-1', askedAt: START });
    // What crossed the wire has no digit of a card, and no brand.
    const sent = flow.wire.log.filter((text) => text.includes(PAYMENT_ASKED));
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/visa|1111/i);
    expect(Object.keys(JSON.parse(sent[0]!) as object).sort()).toEqual(
      ['body', 'conversationId', 'id', 'requestId', 'sentAt', 'type', 'version'].sort(),
    );
  });

  it('shows one ask for a flood of them, and one again only after the interval, on the injected clock', async () => {
    const { session, reports, shown, raw, clock } = await agentOnHub();
    for (let index = 0; index < 50; index++) await raw.send(ask(`flood_${String(index).padStart(4, '0')}`) as never);
    await session.idle();
    expect(shown).toEqual([{ conversationId: 'conv-1', askedAt: START }]);
    expect(rateLimited(reports)).toBe(49);

    session.dismissPaymentAsk();
    expect(session.paymentAsk).toBeNull();
    clock.advance(PAYMENT_ASK_INTERVAL_MS - 1);
    await raw.send(ask('late_0001') as never);
    await session.idle();
    expect(session.paymentAsk).toBeNull();
    expect(rateLimited(reports)).toBe(50);

    clock.advance(1);
    await raw.send(ask('later_0001') as never);
    await session.idle();
    expect(session.paymentAsk).toEqual({ conversationId: 'conv-1', askedAt: START + PAYMENT_ASK_INTERVAL_MS });
  });

  it('drops copies of one ask by id', async () => {
    const { session, reports, shown, raw, clock } = await agentOnHub();
    await raw.send(ask('copy_0001') as never);
    await session.idle();
    session.dismissPaymentAsk();
    clock.advance(PAYMENT_ASK_INTERVAL_MS * 2);
    await raw.send(ask('copy_0001') as never);
    await session.idle();
    expect(shown).toEqual([{ conversationId: 'conv-1', askedAt: START }, null]);
    expect(reports.some((report) => report.type === 'message-duplicate')).toBe(true);
  });

  it('refuses hostile asks with a typed reason and shows nothing', async () => {
    const { session, reports, shown, raw } = await agentOnHub();
    await raw.send({ ...ASK, body: { number: VISA.number } } as never);
    await raw.send({ ...ASK, signature: 'A'.repeat(86) } as never);
    await raw.send({ ...ASK, requestId: 'req_0001-abcd' } as never);
    await raw.send({ ...ASK, conversationId: 'conv-2' } as never);
    await session.idle();
    expect(shown).toEqual([]);
    const rejected = reports.filter((report) => report.type === 'message-rejected');
    expect(rejected.map((report) => report.type === 'message-rejected' && report.error.code)).toEqual([
      'unexpected-field',
      'unexpected-field',
      'invalid-field',
    ]);
    expect(JSON.stringify(reports)).not.toContain(VISA.number);
  });

  it('changes no request: a waiting request stays waiting', async () => {
    const flow = createFlow();
    const { request, peer } = await flow.requested();
    flow.wire.inject('agent', ask('ask_0002'));
    await flow.exchange();
    expect(flow.phases(request)).toEqual(['waitingForCustomer', 'waitingForCustomer']);
    expect(peer.timeline().phase).toBe('waitingForCustomer');
    expect(flow.agent.paymentAsk).not.toBeNull();
  });

  it('keeps its memory of signed messages through a flood of asks: a replayed one is still a copy', async () => {
    const flow = createFlow();
    const { peer } = await flow.requested();
    expectOk(peer.open());
    await flow.exchange();
    const opened = flow.wire.log.find((text) => text.includes('"request.opened"'))!;
    expect(opened).toBeDefined();
    for (let index = 0; index < 10_050; index++)
      flow.wire.inject('agent', ask(`flood_${String(index).padStart(5, '0')}`));
    await flow.exchange();
    const duplicates = () => flow.reports.agent.filter((report) => report.type === 'message-duplicate').length;
    const before = duplicates();
    flow.wire.inject('agent', JSON.parse(opened));
    await flow.exchange();
    expect(duplicates()).toBe(before + 1);
  });

  it('is answered by the next request sent to the customer', async () => {
    const flow = createFlow();
    expectOk(await flow.customer.askToPayByCard());
    await flow.exchange();
    expect(flow.agent.paymentAsk).not.toBeNull();
    await flow.requested();
    expect(flow.agent.paymentAsk).toBeNull();
  });

  it('shows a fresh ask from the history after a reload, but not a stale one', async () => {
    const clock = new ManualClock(START);
    const hub = createMemoryHub({ history: true, clock });
    await hub.connect().send(ask('hist_0001') as never);
    const fresh = createAgentSession({ ...agentTrust(), conversationId: 'conv-1', transport: hub.connect(), clock });
    await fresh.idle();
    expect(fresh.paymentAsk).toEqual({ conversationId: 'conv-1', askedAt: START });

    clock.advance(PAYMENT_ASK_FRESH_MS + 1);
    const reports: SessionReport[] = [];
    const late = createAgentSession({
      ...agentTrust(),
      conversationId: 'conv-1',
      transport: hub.connect(),
      clock,
      onReport: (report) => reports.push(report),
    });
    await late.idle();
    expect(late.paymentAsk).toBeNull();
    expect(rateLimited(reports)).toBe(1);
  });

  it('reaches the registry: the cue names the conversation, and the list holds the ask until dismissed', async () => {
    const { session, raw } = await agentOnHub();
    const registry = createAgentRegistry();
    const events: RegistryEvent[] = [];
    registry.subscribe((event) => events.push(event));
    registry.add(session);
    await raw.send(ask('reg_0001') as never);
    await session.idle();
    expect(events).toContainEqual({ type: 'payment-asked', conversationId: 'conv-1' });
    expect(registry.paymentAsks()).toEqual([{ conversationId: 'conv-1', askedAt: START }]);
    session.dismissPaymentAsk();
    expect(registry.paymentAsks()).toEqual([]);
  });
});

describe('the customer’s side of an ask', () => {
  it('refuses to ask while a request waits: that one is opened instead', async () => {
    const flow = createFlow();
    const { peer } = await flow.requested();
    expect(flow.customer.waitingRequest()).toBe(peer);
    const asked = await flow.customer.askToPayByCard();
    expect(asked.ok ? 'ok' : asked.error.code).toBe('not-allowed-now');
  });

  it('asks at most once per interval on the injected clock, and again at once after a failed send', async () => {
    const flow = createFlow();
    flow.wire.failSends('customer', 1);
    const failed = await flow.customer.askToPayByCard();
    expect(failed.ok).toBe(false);
    expectOk(await flow.customer.askToPayByCard());
    const soon = await flow.customer.askToPayByCard();
    expect(soon.ok ? 'ok' : soon.error.code).toBe('rate-limited');
    flow.clock.advance(PAYMENT_ASK_INTERVAL_MS);
    expectOk(await flow.customer.askToPayByCard());
    expect(flow.wire.log.filter((text) => text.includes(PAYMENT_ASKED))).toHaveLength(2);
  });

  it('refuses once closed', async () => {
    const flow = createFlow();
    flow.customer.close();
    const asked = await flow.customer.askToPayByCard();
    expect(asked.ok ? 'ok' : asked.error.code).toBe('session-closed');
  });
});
