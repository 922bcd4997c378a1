import { registerMessages } from '@chatpay/ui';
import { createMemoryHub, createAgentSession, createAgentRegistry, ManualClock } from '@chatpay/core';
import '../../src/define.js';
import {
  ACTIVITY_DOT_MESSAGES_EN,
  CARD_VIEWER_MESSAGES_EN,
  PAYMENT_BANNER_MESSAGES_EN,
  REQUEST_COMPOSER_MESSAGES_EN,
  STATUS_CHIP_MESSAGES_EN,
} from '../../src/index.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { pseudo, shownText, unlocalised } from '../../../../test-support/pseudo-locale.js';
import { CARD, conversation, mount, settled, START } from './fixture.js';

const LOCALE = 'qps-ploc';
registerMessages(LOCALE, {
  'chatpay-request-composer': pseudo(REQUEST_COMPOSER_MESSAGES_EN),
  'chatpay-status-chip': pseudo(STATUS_CHIP_MESSAGES_EN),
  'chatpay-card-viewer': pseudo(CARD_VIEWER_MESSAGES_EN),
  'chatpay-payment-banner': pseudo(PAYMENT_BANNER_MESSAGES_EN),
  'chatpay-activity-dot': pseudo(ACTIVITY_DOT_MESSAGES_EN),
});

/** What people typed or named, which is shown as it is: never a word of ChatPay's. */
const DATA = ['Replacement charger', CARD.name, 'Grace Hopper', 'USD', 'US'];

beforeEach(() => (document.documentElement.lang = LOCALE));
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
});

function expectAllLocalised(state: string): void {
  const texts = shownText(document.body);
  check(
    texts.some((text) => text.includes('⟦')),
    `the pseudo-locale is in use, ${state}`,
  );
  checkEqual(unlocalised(texts, DATA), [], `words not from the catalogue, ${state}`);
}

describe('every word of the agent elements comes from the catalogue of their locale', () => {
  it('the composer, through errors, confirmation and sending', async () => {
    const setup = conversation();
    const composer = mount(document.createElement('chatpay-request-composer'));
    composer.session = setup.agent;
    await settled(composer);
    expectAllLocalised('empty');
    composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="request"]')!.click();
    await settled(composer);
    check(composer.shadowRoot!.querySelector('.error'), 'errors are shown');
    expectAllLocalised('errors');
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
    expectAllLocalised('confirming');
  });

  it('the status chip and the card viewer, in every status', async () => {
    const setup = conversation();
    const waiting = await setup.requested();
    const chip = mount(document.createElement('chatpay-status-chip'));
    chip.request = waiting;
    await settled(chip);
    expectAllLocalised('waiting');
    chip.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel"]')!.click();
    await settled(chip);
    expectAllLocalised('asking to cancel');
    const paid = await setup.requested();
    await setup.paid(paid);
    const paidChip = mount(document.createElement('chatpay-status-chip'));
    paidChip.request = paid;
    const viewer = mount(document.createElement('chatpay-card-viewer'));
    viewer.request = paid;
    await waitUntil(() => paid.timeline().phase === 'cardViewing', 'the card opened');
    await settled(paidChip, viewer);
    expectAllLocalised('viewing');
    window.dispatchEvent(new Event('blur'));
    await settled(viewer);
    expectAllLocalised('hidden');
    window.dispatchEvent(new Event('focus'));
    check(paid.complete().ok, 'completed');
    setup.failAgentSends(1);
    const failed = setup.agent.createRequest();
    check(failed.review({ amount: { minor: 100, currency: 'USD' }, reason: 'Replacement charger' }).ok, 'review');
    check(failed.send().ok, 'send');
    const failedChip = mount(document.createElement('chatpay-status-chip'));
    failedChip.request = failed;
    await waitUntil(() => failed.timeline().status === 'try-again', 'TRY AGAIN');
    setup.clock.advance(20 * 60 * 1000);
    await settled(chip, paidChip, viewer, failedChip);
    expectAllLocalised('completed, expired, try again');
  });

  it("the banner, the dot, and another agent's view", async () => {
    const clock = new ManualClock(START);
    const hub = createMemoryHub();
    const first = createAgentSession({ conversationId: 'c-1', clock, transport: hub.connect() });
    const second = createAgentSession({ conversationId: 'c-1', clock, transport: hub.connect() });
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
    expectAllLocalised('banner, dot, observed');
  });
});
