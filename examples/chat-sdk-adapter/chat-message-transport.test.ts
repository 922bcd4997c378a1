import { describe, expect, it } from 'vitest';
import { createAgentSession, createCustomerSession } from '@chatpay/core';
import { transportContract } from '@chatpay/transports/testing';
import { agentTrust, customerTrust } from '../../test-support/trust.js';
import { createChatMessageTransport } from './chat-message-transport.js';
import { FakeChatServer } from './fake-chat-sdk.js';

function pair(server = new FakeChatServer()) {
  const agentClient = server.connect('agent-7');
  const customerClient = server.connect('customer-42');
  agentClient.join('conv-1');
  customerClient.join('conv-1');
  return {
    server,
    a: createChatMessageTransport(agentClient, 'conv-1'),
    b: createChatMessageTransport(customerClient, 'conv-1'),
  };
}

describe('ChatPay inside chat messages', () => {
  for (const contractCase of transportContract(() => pair())) it(contractCase.name, () => contractCase.run());

  it('carries a whole payment, and the chat transcript holds no card data', async () => {
    const { server, a, b } = pair();
    const agent = createAgentSession({ ...agentTrust(), conversationId: 'conv-1', transport: a });
    const customer = createCustomerSession({ ...customerTrust(), conversationId: 'conv-1', transport: b });
    const request = agent.createRequest();
    expect(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok).toBe(true);
    expect(request.send().ok).toBe(true);
    await expect.poll(() => customer.requests.length).toBe(1);
    const peer = customer.requests[0]!;
    expect(peer.open().ok).toBe(true);
    const card = {
      number: '4111111111111111',
      name: 'Ada Lovelace',
      expiry: '12/30',
      securityCode: '737',
      brand: 'visa',
    };
    expect((await peer.pay(card)).ok).toBe(true);
    await expect.poll(() => request.timeline().status).toBe('view-card');
    const opened = await request.viewCard();
    expect(opened.ok && opened.value.name).toBe('Ada Lovelace');
    expect(request.complete().ok).toBe(true);
    await expect.poll(() => peer.timeline().status).toBe('payment-accepted');
    const transcript = JSON.stringify(server.transcript);
    expect(server.transcript.length).toBeGreaterThanOrEqual(4);
    for (const secret of [card.number, card.name, card.expiry, '"737"']) expect(transcript).not.toContain(secret);
  });
});
