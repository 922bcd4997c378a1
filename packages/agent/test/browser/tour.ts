// Every agent element in every state the tests reach, with a stop at each for the checks of the
// caller: the words (pseudo-locale), target sizes, motion and forced colours all take the same tour.
import {
  createAgentRegistry,
  createAgentSession,
  createCustomerSession,
  createMemoryHub,
  createMemoryKeyStore,
  createMemoryTransportPair,
  type AgentRequest,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import '../../src/define.js';
// This file places card viewers itself: defined up front, as a host that does so would.
import '../../src/card-viewer/card-viewer.define.js';
import { check, waitUntil } from '../../../../test-support/check.js';
import type { Tour } from '../../../../test-support/tour.js';
import { agentTrust, testVoucher } from '../../../../test-support/trust.js';
import { CARD, conversation, keptConversation, mount, reloaded, sendRequest, settled, START } from './fixture.js';

/** What people typed or named, shown as it is: never a word of ChatPay's. */
export const TOUR_DATA = ['Replacement charger', CARD.name, 'Grace Hopper', 'USD', 'US'];

export const AGENT_TOURS: Tour[] = [
  {
    name: 'the composer, through errors and confirmation',
    states: ['empty', 'errors', 'confirming'],
    async run(stop) {
      const setup = conversation();
      const composer = mount(document.createElement('chatpay-request-composer'));
      composer.session = setup.agent;
      await settled(composer);
      await stop('empty');
      composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="request"]')!.click();
      await settled(composer);
      check(composer.shadowRoot!.querySelector('.error'), 'errors are shown');
      await stop('errors');
      const amount = composer.shadowRoot!.querySelector<HTMLInputElement>('#amount')!;
      amount.value = '12.50';
      amount.dispatchEvent(new Event('input'));
      const reason = composer.shadowRoot!.querySelector<HTMLTextAreaElement>('#reason')!;
      reason.value = 'Replacement charger';
      reason.dispatchEvent(new Event('input'));
      await settled(composer);
      composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="request"]')!.click();
      await settled(composer);
      check(composer.shadowRoot!.querySelector('[part~="confirmation"]'), 'confirming');
      await stop('confirming');
    },
  },
  {
    name: 'the status chip and the card viewer, in every status',
    states: ['waiting', 'asking to cancel', 'viewing', 'hidden', 'completed, expired, try again'],
    async run(stop) {
      const setup = conversation();
      const waiting = await setup.requested();
      const chip = mount(document.createElement('chatpay-status-chip'));
      chip.request = waiting;
      await settled(chip);
      await stop('waiting');
      chip.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel"]')!.click();
      await settled(chip);
      await stop('asking to cancel');
      const paid = await setup.requested();
      await setup.paid(paid);
      const paidChip = mount(document.createElement('chatpay-status-chip'));
      paidChip.request = paid;
      const viewer = mount(document.createElement('chatpay-card-viewer'));
      viewer.request = paid;
      await waitUntil(() => paid.timeline().phase === 'cardViewing', 'the card opened');
      await settled(paidChip, viewer);
      check(viewer.shadowRoot!.querySelector('[part~="details"]'), 'the card details are shown');
      await stop('viewing');
      window.dispatchEvent(new Event('blur'));
      await settled(viewer);
      check(!viewer.shadowRoot!.querySelector('[part~="details"]'), 'the card details are hidden');
      await stop('hidden');
      window.dispatchEvent(new Event('focus'));
      check(paid.complete().ok, 'completed');
      // Signing makes sends asynchronous: the completion goes out before the next send is made to fail.
      await waitUntil(() => setup.customer.request(paid.requestId)!.timeline().phase === 'completed', 'completed');
      setup.failAgentSends(1);
      const failed = setup.agent.createRequest();
      check(failed.review({ amount: { minor: 100, currency: 'USD' }, reason: 'Replacement charger' }).ok, 'review');
      check(failed.send().ok, 'send');
      const failedChip = mount(document.createElement('chatpay-status-chip'));
      failedChip.request = failed;
      await waitUntil(() => failed.timeline().status === 'try-again', 'TRY AGAIN');
      setup.clock.advance(20 * 60 * 1000);
      await settled(chip, paidChip, viewer, failedChip);
      await stop('completed, expired, try again');
    },
  },
  {
    name: "the banner, the dot, and another agent's view",
    states: ['banner, dot, observed'],
    async run(stop) {
      const clock = new ManualClock(START);
      const hub = createMemoryHub();
      const first = createAgentSession({ ...agentTrust(), conversationId: 'c-1', clock, transport: hub.connect() });
      const second = createAgentSession({
        ...agentTrust('agent-2'),
        conversationId: 'c-1',
        clock,
        transport: hub.connect(),
      });
      const setup = conversation('c-2', clock);
      const registry = createAgentRegistry();
      registry.add(setup.agent);
      registry.setConversationInView('elsewhere');
      const banner = mount(document.createElement('chatpay-payment-banner'));
      banner.registry = registry;
      banner.nameOf = () => 'Grace Hopper';
      const dot = mount(document.createElement('chatpay-activity-dot'));
      dot.registry = registry;
      dot.conversationId = 'c-2';
      const request = await setup.requested();
      await setup.paid(request);
      await settled(banner, dot);
      check(
        banner.shadowRoot!.querySelector('[part~="banner"]') && dot.shadowRoot!.querySelector('[part~="dot"]'),
        'shown',
      );
      const own = first.createRequest();
      check(own.review({ amount: { minor: 100, currency: 'USD' }, reason: 'Replacement charger' }).ok, 'review');
      check(own.send().ok, 'send');
      await waitUntil(() => second.requests.length === 1, 'seen by the other agent');
      const chip = mount(document.createElement('chatpay-status-chip'));
      chip.request = second.requests[0]!;
      const viewer = mount(document.createElement('chatpay-card-viewer'));
      viewer.request = second.requests[0]!;
      await settled(banner, dot, chip, viewer);
      await stop('banner, dot, observed');
    },
  },
  {
    name: 'the status chip where the card cannot simply be opened',
    states: ['unverified', 'keys gone', 'other tab', 'already viewed', 'two customers', 'not vouched'],
    async run(stop) {
      const clock = new ManualClock(START);
      const [agentEnd, customerEnd] = createMemoryTransportPair();
      const unverified = createAgentSession({
        agentId: 'agent-1',
        dangerouslySkipKeyVouching: true,
        conversationId: 'c-1',
        transport: agentEnd,
        clock,
        keyStore: createMemoryKeyStore({ clock }),
      });
      createCustomerSession({ dangerouslySkipKeyVouching: true, conversationId: 'c-1', transport: customerEnd, clock });
      const chipFor = (request: AgentRequest) => {
        const chip = mount(document.createElement('chatpay-status-chip'));
        chip.request = request;
        return chip;
      };
      const chips = [chipFor(sendRequest(unverified))];
      await waitUntil(() => chips[0]!.request!.timeline().status === 'waiting-for-customer', 'sent');
      await settled(...chips);
      check(chips[0]!.shadowRoot!.querySelector('[part~="unverified"]'), 'the badge');
      await stop('unverified');

      const gone = await reloaded('paid', 'no keys');
      chips.push(chipFor(gone.request));
      await settled(...chips);
      check(chips[1]!.shadowRoot!.querySelector('[part~="request-again"]'), 'Send new request');
      await stop('keys gone');

      const elsewhere = conversation();
      const held = await elsewhere.requested();
      await elsewhere.paid(held);
      held.actor.send({ type: 'keys.changed', keys: 'other-tab' });
      chips.push(chipFor(held));
      await settled(...chips);
      await stop('other tab');

      const viewed = await reloaded('viewed', 'same keys');
      await waitUntil(() => viewed.request.timeline().keys === 'opened', 'the spent keys in this tab');
      chips.push(chipFor(viewed.request));
      await settled(...chips);
      check(chips[3]!.shadowRoot!.querySelector('[part~="complete"]'), 'Mark as Completed');
      await stop('already viewed');

      const shared = keptConversation(clock);
      const agent = shared.agentPage();
      const customers = [shared.customerPage(), shared.customerPage()];
      const answered = sendRequest(agent);
      await waitUntil(() => customers.every((customer) => customer.request(answered.requestId)), 'both have it');
      for (const customer of customers) {
        check(customer.request(answered.requestId)!.open().ok, 'open');
        check((await customer.request(answered.requestId)!.pay(CARD)).ok, 'pay');
      }
      await waitUntil(() => answered.timeline().conflict, 'the second customer key');
      chips.push(chipFor(answered));
      await settled(...chips);
      await stop('two customers');

      const [refusedEnd] = createMemoryTransportPair();
      const refusing = createAgentSession({
        ...agentTrust(),
        vouch: () => Promise.reject(new Error('503')),
        trustedKeys: testVoucher.trustedKeys,
        conversationId: 'c-1',
        transport: refusedEnd,
        clock,
        keyStore: createMemoryKeyStore({ clock }),
      });
      const refused = sendRequest(refusing);
      chips.push(chipFor(refused));
      await waitUntil(() => refused.actor.getSnapshot().context.failure !== null, 'the vouch refused');
      await settled(...chips);
      await stop('not vouched');
    },
  },
  {
    name: 'the customer’s ask to pay by card',
    states: ['asked'],
    async run(stop) {
      const { agent, customer } = conversation();
      const ask = document.createElement('chatpay-payment-ask');
      ask.session = agent;
      mount(ask);
      check((await customer.askToPayByCard()).ok, 'the customer asks');
      await waitUntil(() => agent.paymentAsk !== null, 'the ask at the agent');
      await settled(ask);
      await stop('asked');
    },
  },
];
