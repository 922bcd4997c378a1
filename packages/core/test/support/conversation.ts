import {
  createAgentSession,
  createCustomerSession,
  createMemoryHub,
  createMemoryKeyStore,
  generateAgentKeyPair,
  generateSigningKeyPair,
  PROTOCOL_VERSION,
  signMessage,
  type AgentSession,
  type AgentSessionOptions,
  type CustomerSession,
  type CustomerSessionOptions,
  type KeyStore,
  type MemoryTransport,
  type MessageBodies,
  type MessageType,
  type SessionReport,
  type UnsignedMessage,
  type WireMessage,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';
import { START, USD_12_50 } from './flow.js';
import { until } from './scripted-transport.js';

/** The next turn of the event loop, in Node and in browsers. */
const nextTurn = (resolve: () => void) =>
  typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0);

/**
 * One conversation on a memory hub that keeps its history, as the production relay does: sessions can
 * be closed and started again (a reload), join late, and an adversary end can read, forge and replay
 * everything that crosses, holding none of the endpoints' private keys.
 */
export function createConversation(conversationId = 'conv-1') {
  const clock = new ManualClock(START);
  const hub = createMemoryHub({ history: true, clock });
  const reports = { agent: [] as SessionReport[], customer: [] as SessionReport[] };
  const agentKeys = createMemoryKeyStore({ clock });
  const customerKeys = createMemoryKeyStore({ clock });
  const adversary = hub.connect();
  const seen: WireMessage[] = [];
  adversary.subscribe((message) => seen.push(message as WireMessage));
  const conversation = {
    clock,
    hub,
    reports,
    agentKeys,
    customerKeys,
    /** What the adversary has read off the wire, in order. */
    seen,
    adversary,
    /** An agent's console (a page load): keys in `keyStore` (default: this conversation's agent store). */
    agent(options: Partial<AgentSessionOptions> & { keyStore?: KeyStore } = {}): AgentSession {
      return createAgentSession({
        ...agentTrust(),
        conversationId,
        transport: hub.connect(),
        clock,
        keyStore: agentKeys,
        onReport: (report) => reports.agent.push(report),
        ...options,
      });
    },
    /** A customer's chat (a page load). */
    customer(options: Partial<CustomerSessionOptions> = {}): CustomerSession {
      return createCustomerSession({
        ...customerTrust(),
        conversationId,
        transport: hub.connect(),
        clock,
        keyStore: customerKeys,
        onReport: (report) => reports.customer.push(report),
        ...options,
      });
    },
    /** Sends a raw value from the adversary's end to everyone else. */
    inject(value: unknown): Promise<void> {
      return (adversary as MemoryTransport).send(value as WireMessage);
    },
    /** A message signed with a key of the adversary's own. */
    async forge<T extends MessageType>(
      requestId: string,
      type: T,
      body: MessageBodies[T],
      extra: { customerKey?: string; signingKey?: CryptoKey } = {},
    ): Promise<WireMessage> {
      const own = await generateSigningKeyPair();
      const unsigned = {
        version: PROTOCOL_VERSION,
        id: `forged-${Math.random().toString(36).slice(2, 14)}`,
        requestId,
        conversationId,
        type,
        sentAt: clock.now(),
        body,
        ...(extra.customerKey !== undefined ? { customerKey: extra.customerKey } : {}),
      } as unknown as UnsignedMessage;
      return (await signMessage(unsigned, extra.signingKey ?? own.keyPair.privateKey)) as WireMessage;
    },
    /** A customer key of the adversary's own, and a message signed by it. */
    async forgeAsCustomer<T extends MessageType>(requestId: string, type: T, body: MessageBodies[T]) {
      const own = await generateSigningKeyPair();
      return conversation.forge(requestId, type, body, {
        customerKey: own.publicKey,
        signingKey: own.keyPair.privateKey,
      });
    },
    /** A whole request of the adversary's own: its own keys, vouched by nobody (or by `vouch`). */
    async forgeRequest(requestId = `stranger-${Math.random().toString(36).slice(2, 12)}`, vouch?: string) {
      const { keys, agentKey } = await generateAgentKeyPair('agent-1');
      const body = {
        ...USD_12_50,
        expiresAt: clock.now() + 60_000,
        agentKey: vouch ? { ...agentKey, vouch } : agentKey,
      };
      return {
        keys,
        message: await conversation.forge(requestId, 'request.created', body, { signingKey: keys.signing.privateKey }),
      };
    },
    /** The agent sends a request; resolves once it waits for the customer. */
    async request(agent: AgentSession) {
      const request = agent.createRequest();
      const reviewed = request.review(USD_12_50);
      if (!reviewed.ok) throw reviewed.error;
      const sent = request.send();
      if (!sent.ok) throw sent.error;
      await until(() => request.timeline().phase === 'waitingForCustomer', 'waitingForCustomer');
      return request;
    },
    /** Lets every session and the hub finish what they are doing. */
    async settled(...sessions: (AgentSession | CustomerSession)[]) {
      for (let round = 0; round < 3; round++) {
        await new Promise<void>((resolve) => nextTurn(resolve));
        await Promise.all(sessions.map((session) => session.idle()));
      }
    },
  };
  return conversation;
}
