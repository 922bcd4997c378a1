// The Socket.IO transport against a real socket.io 4 server with @chatpay/server's ChatPay piece:
// the transport and history contracts, catching up after a reload or a reconnection, hostile
// traffic both ways, and whole payments between an agent's and a customer's sessions.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import {
  createAgentSession,
  createCustomerSession,
  createMemoryKeyStore,
  MAX_MESSAGE_LENGTH,
  TransportError,
  type AgentSession,
  type CardDetails,
  type CustomerSession,
  type Transport,
  type WireMessage,
} from '@chatpay/core';
import { CHATPAY_JOIN_EVENT, CHATPAY_LEAVE_EVENT, createChatPayLog, DEFAULT_CHAT_EVENT } from '@chatpay/server';
import {
  createSocketIoTransport,
  SOCKET_IO_CHAT_EVENT,
  SOCKET_IO_JOIN_EVENT,
  SOCKET_IO_LEAVE_EVENT,
} from '@chatpay/transports/socket-io';
import type { TransportReport } from '@chatpay/transports';
import { historyContract, sampleMessage, transportContract } from '@chatpay/transports/testing';
import { agentTrust, customerTrust } from '../../../test-support/trust.js';
import { waitUntil } from '../../../test-support/check.js';
import { connected, emitWithReply, MAX_PACKET_BYTES, startTestChat, type TestChat } from './support/socket-io.js';

const CARD: CardDetails = {
  number: '4111111111111111',
  name: 'Ada Lovelace',
  expiry: '12/30',
  securityCode: '737',
  brand: 'visa',
};
const AGENT = { role: 'agent', subject: 'agent-7' } as const;
const CUSTOMER = { role: 'customer', subject: 'customer-42' } as const;

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function chat(options: Parameters<typeof startTestChat>[0] = {}): Promise<TestChat> {
  const started = await startTestChat(options);
  cleanup.push(() => started.close());
  return started;
}

it('names the same events as the server piece', () => {
  expect([SOCKET_IO_JOIN_EVENT, SOCKET_IO_LEAVE_EVENT, SOCKET_IO_CHAT_EVENT]).toEqual([
    CHATPAY_JOIN_EVENT,
    CHATPAY_LEAVE_EVENT,
    DEFAULT_CHAT_EVENT,
  ]);
});

describe('the Socket.IO transport meets the transport contract', () => {
  for (const contractCase of transportContract(async () => {
    const server = await startTestChat();
    const conversationId = sampleMessage().conversationId;
    const a = server.transport(conversationId, { role: 'customer', subject: 'a' }).transport;
    const b = server.transport(conversationId, { role: 'customer', subject: 'b' }).transport;
    // Both joined before the case starts, as two people already in the conversation.
    await Promise.all([a.history(), b.history()]);
    return { a, b, dispose: () => (a.close(), b.close(), server.close()) };
  })) {
    it(contractCase.name, () => contractCase.run());
  }
});

describe('the Socket.IO transport meets the history contract', () => {
  for (const contractCase of historyContract(async () => {
    const server = await startTestChat();
    const conversationId = sampleMessage().conversationId;
    const sockets = new Map<Transport, ReturnType<TestChat['socket']>>();
    return {
      join(party) {
        const { transport, socket } = server.transport(conversationId, { role: 'customer', subject: party });
        sockets.set(transport, socket);
        return transport;
      },
      // The connection breaks under the socket, which reconnects by itself.
      interrupt: (end) => void sockets.get(end)!.io.engine.close(),
      dispose: () => server.close(),
    };
  })) {
    it(contractCase.name, () => contractCase.run());
  }
});

/** An agent's session on its own socket, and a customer side that can be made (and made again, as a reload). */
function sessions(server: TestChat, conversationId = 'conv-1') {
  const agentSide = server.transport(conversationId, AGENT);
  const agent = createAgentSession({ ...agentTrust(), conversationId, transport: agentSide.transport });
  cleanup.push(() => (agent.close(), agentSide.transport.close()));
  // The customer's page keeps its signing key across a reload (in IndexedDB in a browser).
  const keyStore = createMemoryKeyStore();
  const customerSide = () => {
    const side = server.transport(conversationId, CUSTOMER);
    const customer = createCustomerSession({ ...customerTrust(), conversationId, keyStore, transport: side.transport });
    cleanup.push(() => (customer.close(), side.transport.close()));
    return { customer, ...side };
  };
  return { agent, agentSide, customerSide };
}

function ask(agent: AgentSession) {
  const request = agent.createRequest();
  expect(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok).toBe(true);
  expect(request.send().ok).toBe(true);
  return request;
}

const arrived = async (customer: CustomerSession) => {
  await waitUntil(() => customer.requests.length === 1, 'the request at the customer');
  return customer.requests[0]!;
};

/** Every ChatPay message the server kept for the conversation: what the chat backend sees. */
const keptText = (server: TestChat, conversationId = 'conv-1') =>
  server.chatpay.log
    .after(conversationId, 0)
    .map((entry) => entry.text)
    .join('\n');

describe('sessions over the Socket.IO transport', () => {
  it('carry a whole payment; the server keeps ciphertext only, each message stamped with its sender', async () => {
    const server = await chat();
    const { agent, customerSide } = sessions(server);
    const { customer } = customerSide();
    const request = ask(agent);
    const peer = await arrived(customer);
    expect(peer.open().ok).toBe(true);
    expect((await peer.pay(CARD)).ok).toBe(true);
    await waitUntil(() => request.timeline().status === 'view-card', 'VIEW CARD');
    const card = await request.viewCard();
    expect(card.ok && card.value.number).toBe(CARD.number);
    expect(request.complete().ok).toBe(true);
    await waitUntil(() => peer.timeline().status === 'payment-accepted', 'Payment Accepted');
    expect(peer.timeline().phase).toBe('completed');
    const kept = server.chatpay.log.after('conv-1', 0);
    expect(kept.some((entry) => entry.text.includes('"request.submitted"') && entry.sender.role === 'customer')).toBe(
      true,
    );
    expect(kept.some((entry) => entry.text.includes('"request.completed"') && entry.sender.role === 'agent')).toBe(
      true,
    );
    const text = keptText(server);
    for (const secret of [CARD.number, CARD.name, CARD.expiry, '"737"']) expect(text).not.toContain(secret);
  });

  it('give a customer who reloads the request as it was, from the server’s log, and the payment goes on', async () => {
    const server = await chat();
    const { agent, customerSide } = sessions(server);
    const first = customerSide();
    const request = ask(agent);
    expect((await arrived(first.customer)).open().ok).toBe(true);
    await waitUntil(() => request.timeline().phase === 'customerEntering', 'the customer entering');
    // A reload: the page, its socket and its session go; a new page joins with nothing but the conversation's id.
    first.customer.close();
    first.transport.close();
    first.socket.disconnect();
    const reloaded = customerSide();
    const peer = await arrived(reloaded.customer);
    await waitUntil(() => peer.timeline().phase === 'customerEntering', 'the request back as it was');
    expect((await peer.pay(CARD)).ok).toBe(true);
    await waitUntil(() => request.timeline().status === 'view-card', 'VIEW CARD after the reload');
    expect((await request.viewCard()).ok).toBe(true);
    expect(request.complete().ok).toBe(true);
    await waitUntil(() => peer.timeline().phase === 'completed', 'completed after the reload');
  });

  it('give a customer who joins late the request sent before it connected', async () => {
    const server = await chat();
    const { agent, agentSide, customerSide } = sessions(server);
    await agentSide.transport.history();
    const request = ask(agent);
    await waitUntil(() => request.timeline().status === 'waiting-for-customer', 'WAITING FOR CUSTOMER');
    const { customer } = customerSide();
    expect((await arrived(customer)).decline().ok).toBe(true);
    await waitUntil(() => request.timeline().status === 'customer-declined', 'CUSTOMER DECLINED');
  });

  it('bring an agent whose connection broke what the customer sent meanwhile, without a resync', async () => {
    const server = await chat();
    const { agent, agentSide, customerSide } = sessions(server);
    const { customer } = customerSide();
    const request = ask(agent);
    const peer = await arrived(customer);
    const reconnected: TransportReport[] = [];
    agentSide.transport.onReconnect(() => reconnected.push({ type: 'reconnected' }));
    agentSide.socket.disconnect(); // down until told to connect again
    expect(peer.open().ok).toBe(true);
    expect((await peer.pay(CARD)).ok).toBe(true);
    expect(request.timeline().status).toBe('waiting-for-customer');
    agentSide.socket.connect();
    await waitUntil(() => request.timeline().status === 'view-card', 'VIEW CARD after the reconnection');
    expect(reconnected).toHaveLength(1);
    expect((await request.viewCard()).ok).toBe(true);
    expect(request.complete().ok).toBe(true);
    await waitUntil(() => peer.timeline().phase === 'completed', 'completed');
  });

  it('send a message written while the connection is down once it is back', async () => {
    const server = await chat();
    const conversationId = sampleMessage().conversationId;
    const { socket, transport } = server.transport(conversationId, CUSTOMER);
    const other = server.transport(conversationId, { role: 'customer', subject: 'other' }).transport;
    const atOther: unknown[] = [];
    other.subscribe((message) => atOther.push(message));
    await Promise.all([transport.history(), other.history()]);
    const message = sampleMessage();
    socket.io.engine.close(); // the connection goes; the socket reconnects by itself
    await transport.send(message);
    await waitUntil(() => atOther.length === 1, 'the message at the other end');
    expect(server.chatpay.log.after(conversationId, 0).map((entry) => entry.id)).toEqual([message.id]);
  });
});

describe('the Socket.IO transport when the server’s log begins again', () => {
  it('reads the new log from its start after a reconnection, and live while connected', async () => {
    // A log of one conversation: a message in another makes it forget the first, as a restart would.
    const server = await chat({ log: createChatPayLog({ maxConversations: 1 }) });
    const conversationId = sampleMessage().conversationId;
    const x = server.transport(conversationId, { role: 'customer', subject: 'x' }).transport;
    const y = server.transport(conversationId, { role: 'customer', subject: 'y' });
    const atY: unknown[] = [];
    y.transport.subscribe((message) => atY.push(message));
    await Promise.all([x.history(), y.transport.history()]);
    const before = [sampleMessage(), sampleMessage()];
    for (const message of before) await x.send(message);
    await waitUntil(() => atY.length === 2, 'the first two messages');
    y.socket.disconnect();
    const elsewhere = server.socket(CUSTOMER);
    await connected(elsewhere);
    await emitWithReply(elsewhere, SOCKET_IO_JOIN_EVENT, { conversationId: 'conv-other' });
    await emitWithReply(elsewhere, SOCKET_IO_CHAT_EVENT, {
      conversationId: 'conv-other',
      chatpay: { ...sampleMessage(), conversationId: 'conv-other' },
    });
    expect(server.chatpay.log.after(conversationId, 0)).toEqual([]);
    const meanwhile = sampleMessage();
    await x.send(meanwhile); // number 1 of the conversation's new life, while y is away
    y.socket.connect();
    await waitUntil(() => atY.length === 3, 'the message of the new log after the reconnection');
    const live = sampleMessage();
    await x.send(live);
    await waitUntil(() => atY.length === 4, 'live delivery after it');
    expect(atY.map((message) => (message as { id: string }).id)).toEqual(
      [...before, meanwhile, live].map((message) => message.id),
    );
  });
});

describe('the ChatPay piece of a socket.io server, against hostile traffic', () => {
  /** A raw socket.io-client socket, joined to conv-1 as a customer. */
  async function joinedSocket(server: TestChat) {
    const socket = server.socket(CUSTOMER);
    await connected(socket);
    expect(await emitWithReply(socket, SOCKET_IO_JOIN_EVENT, { conversationId: 'conv-1' })).toEqual({
      ok: true,
      entries: [],
    });
    return socket;
  }
  const send = (socket: ReturnType<TestChat['socket']>, payload: unknown) =>
    emitWithReply(socket, SOCKET_IO_CHAT_EVENT, payload);
  const valid = () => ({ ...sampleMessage(), conversationId: 'conv-1' });

  it.each([
    ['an id over the protocol’s length', () => ({ ...valid(), id: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) }), 'malformed'],
    [
      'a message a little over the limit',
      () => ({ ...valid(), body: { pad: 'x'.repeat(MAX_MESSAGE_LENGTH) } }),
      'too-large',
    ],
    ['a string', () => 'request.opened', 'malformed'],
    ['a number', () => 42, 'malformed'],
    ['null', () => null, 'malformed'],
    ['an array', () => [valid()], 'malformed'],
    ['no version', () => ({ ...valid(), version: undefined }), 'malformed'],
    ['another protocol version', () => ({ ...valid(), version: 99 }), 'unsupported-version'],
    ['a type that is a number', () => ({ ...valid(), type: 7 }), 'malformed'],
    ['an id that is an object', () => ({ ...valid(), id: { toString: 'x' } }), 'malformed'],
    ['another conversation in the envelope', () => ({ ...valid(), conversationId: 'conv-9' }), 'wrong-conversation'],
    ['an agent’s type from a customer', () => ({ ...valid(), type: 'request.created' }), 'forbidden-type'],
  ])('refuses %s with a typed code, keeps nothing and stays up', async (_what, chatpay, code) => {
    const server = await chat();
    const socket = await joinedSocket(server);
    expect(await send(socket, { conversationId: 'conv-1', chatpay: chatpay() })).toEqual({ ok: false, code });
    expect(server.refusals).toEqual([{ code, socketId: expect.any(String), event: 'message' }]);
    expect(server.chatpay.log.after('conv-1', 0)).toEqual([]);
    expect(await send(socket, { conversationId: 'conv-1', chatpay: valid() })).toEqual({ ok: true, seq: 1 });
  });

  it('refuses joins and messages out of shape, or not allowed, and answers the next good one', async () => {
    const server = await chat({
      authorize: (socket, conversationId) =>
        conversationId === 'conv-secret' ? undefined : (socket.handshake.auth as typeof CUSTOMER),
    });
    const socket = server.socket(CUSTOMER);
    await connected(socket);
    const join = (payload: unknown) => emitWithReply(socket, SOCKET_IO_JOIN_EVENT, payload);
    expect(await join('conv-1')).toEqual({ ok: false, code: 'malformed' });
    expect(await join({ conversationId: 42 })).toEqual({ ok: false, code: 'malformed' });
    expect(await join({ conversationId: 'x'.repeat(300) })).toEqual({ ok: false, code: 'malformed' });
    expect(await join({ conversationId: 'conv-1', after: -1 })).toEqual({ ok: false, code: 'malformed' });
    expect(await join({ conversationId: 'conv-1', after: '0' })).toEqual({ ok: false, code: 'malformed' });
    expect(await join({ conversationId: 'conv-secret' })).toEqual({ ok: false, code: 'forbidden' });
    expect(await send(socket, { conversationId: 'conv-1', chatpay: valid() })).toEqual({
      ok: false,
      code: 'not-joined',
    });
    expect(await send(socket, { conversationId: ['conv-1'], chatpay: valid() })).toEqual({
      ok: false,
      code: 'malformed',
    });
    // Emits without an acknowledgement, or with odd arguments, are heard and dropped.
    socket.emit(SOCKET_IO_JOIN_EVENT);
    socket.emit(SOCKET_IO_CHAT_EVENT, { conversationId: 'conv-1', chatpay: valid() });
    socket.emit(SOCKET_IO_CHAT_EVENT, null, 1, 'two');
    expect(await join({ conversationId: 'conv-1' })).toEqual({ ok: true, entries: [] });
    expect(await send(socket, { conversationId: 'conv-1', chatpay: valid() })).toEqual({ ok: true, seq: 1 });
    expect(server.refusals.map((refusal) => refusal.code)).toEqual([
      'malformed',
      'malformed',
      'malformed',
      'malformed',
      'malformed',
      'forbidden',
      'not-joined',
      'malformed',
      'malformed',
      'not-joined',
    ]);
  });

  it('leaves a chat message without a chatpay field to the chat’s own handler', async () => {
    const server = await chat();
    const heard: unknown[] = [];
    server.io.on('connection', (socket) => socket.on(SOCKET_IO_CHAT_EVENT, (payload: unknown) => heard.push(payload)));
    const socket = await joinedSocket(server);
    socket.emit(SOCKET_IO_CHAT_EVENT, { conversationId: 'conv-1', text: 'hello' });
    await waitUntil(() => heard.length === 1, 'the chat message at the chat’s handler');
    expect(server.refusals).toEqual([]);
    expect(server.chatpay.log.after('conv-1', 0)).toEqual([]);
  });

  it('drops a socket that sends a packet over socket.io’s limit, and serves the others', async () => {
    const server = await chat();
    const hostile = await joinedSocket(server);
    const disconnected = new Promise((resolve) => hostile.once('disconnect', resolve));
    hostile.emit(SOCKET_IO_CHAT_EVENT, { conversationId: 'conv-1', chatpay: 'x'.repeat(MAX_PACKET_BYTES + 1) });
    await disconnected;
    const good = await joinedSocket(server);
    expect(await send(good, { conversationId: 'conv-1', chatpay: valid() })).toEqual({ ok: true, seq: 1 });
  });

  it('keeps a message sent twice once, and passes it on once', async () => {
    const server = await chat();
    const socket = await joinedSocket(server);
    const listener = await joinedSocket(server);
    const heard: unknown[] = [];
    listener.on(SOCKET_IO_CHAT_EVENT, (frame: unknown) => heard.push(frame));
    const message = valid();
    expect(await send(socket, { conversationId: 'conv-1', chatpay: message })).toEqual({ ok: true, seq: 1 });
    expect(await send(socket, { conversationId: 'conv-1', chatpay: message })).toEqual({ ok: true, seq: 1 });
    expect(await send(socket, { conversationId: 'conv-1', chatpay: valid() })).toEqual({ ok: true, seq: 2 });
    await waitUntil(() => heard.length === 2, 'the two messages at the listener');
    expect(heard.map((frame) => (frame as { seq: number }).seq)).toEqual([1, 2]);
  });

  it('rate-limits a socket and refuses a full conversation, with their codes', async () => {
    const server = await chat({
      burst: 3,
      messagesPerSecond: 0.001,
      log: createChatPayLog({ maxMessagesPerConversation: 2 }),
    });
    const socket = await joinedSocket(server);
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await send(socket, { conversationId: 'conv-1', chatpay: valid() }));
    expect(replies).toEqual([
      { ok: true, seq: 1 },
      { ok: true, seq: 2 },
      { ok: false, code: 'conversation-full' },
      { ok: false, code: 'rate-limited' },
    ]);
  });

  it('turns each refusal into a typed TransportError for the sender', async () => {
    const server = await chat();
    const { transport } = server.transport('conv-1', CUSTOMER);
    await transport.history();
    const refused = await transport
      .send({ ...sampleMessage(), conversationId: 'conv-1', type: 'request.created' } as unknown as WireMessage)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TransportError);
    expect(refused).toMatchObject({
      code: 'socket-failed',
      message: 'The chat server refused the message (forbidden-type).',
    });
    const long = await transport
      .send({ ...sampleMessage(), conversationId: 'conv-1', id: 'x'.repeat(MAX_MESSAGE_LENGTH) })
      .catch((e: unknown) => e);
    expect(long).toMatchObject({ name: 'TransportError', code: 'oversized' });
  });
});

describe('the Socket.IO transport, against a hostile server', () => {
  it('refuses frames that are not a message of its conversation, reports them, and carries on', async () => {
    const http = createServer();
    const hostile = new Server(http);
    cleanup.push(() => hostile.close());
    const frames: unknown[] = [
      'text',
      null,
      { conversationId: 'conv-1', seq: 'one', chatpay: {} },
      { conversationId: 'conv-1', seq: 1.5, chatpay: {} },
      { conversationId: 'conv-1', seq: 1, chatpay: 'not an object' },
      { conversationId: 'conv-1', seq: 1, chatpay: { id: 'x'.repeat(MAX_MESSAGE_LENGTH) } },
      { conversationId: 'conv-other', seq: 1, chatpay: { id: 'elsewhere' } },
      { conversationId: 'conv-1', seq: 1, chatpay: { id: 'good' }, acceptedAt: 'soon', sender: { role: 'root' } },
      { conversationId: 'conv-1', seq: 1, chatpay: { id: 'the same seq again' } },
    ];
    hostile.on('connection', (socket) => {
      socket.on(SOCKET_IO_JOIN_EVENT, (_payload: unknown, reply: (value: unknown) => void) => {
        reply({ ok: true, entries: [{ conversationId: 'conv-1', seq: 'x' }] });
        for (const frame of frames) socket.emit(SOCKET_IO_CHAT_EVENT, frame);
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const socket = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
      transports: ['websocket'],
      forceNew: true,
    });
    cleanup.push(() => socket.disconnect());
    const reports: TransportReport[] = [];
    const transport = createSocketIoTransport({
      socket,
      conversationId: 'conv-1',
      onReport: (report) => reports.push(report),
    });
    cleanup.push(() => transport.close());
    const got: { message: unknown; delivery: unknown }[] = [];
    transport.subscribe((message, delivery) => got.push({ message, delivery }));
    expect(await transport.history()).toEqual([]);
    await waitUntil(() => got.length === 1 && reports.length === 7, 'the good frame and the refusals');
    expect(got).toEqual([{ message: { id: 'good' }, delivery: { acceptedAt: undefined, sender: undefined } }]);
    expect(reports).toEqual([
      { type: 'frame-refused', reason: 'malformed' },
      { type: 'frame-refused', reason: 'malformed' },
      { type: 'frame-refused', reason: 'malformed' },
      { type: 'frame-refused', reason: 'malformed' },
      { type: 'frame-refused', reason: 'malformed' },
      { type: 'frame-refused', reason: 'malformed' },
      { type: 'frame-refused', reason: 'oversized' },
    ]);
  });

  it('rejects history and sends with a typed error when the server refuses to join', async () => {
    const server = await chat({ authorize: () => undefined });
    const reports: TransportReport[] = [];
    const { transport } = server.transport('conv-1', CUSTOMER, { onReport: (report) => reports.push(report) });
    const sent = transport.send(sampleMessage()).catch((error: unknown) => error);
    await expect(transport.history()).rejects.toMatchObject({ name: 'TransportError', code: 'socket-failed' });
    expect(await sent).toMatchObject({ code: 'socket-failed' });
    expect(reports).toEqual([{ type: 'connect-failed', error: 'join-forbidden' }]);
  });
});
