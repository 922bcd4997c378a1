import { PAYMENT_ASKED } from '@chatpay/core';
import '../../src/define.js';
// The card form defined ahead, as a prefetch leaves it: its loading on demand has tests of its own.
import '../../src/card-form/card-form.define.js';
// The chat box of these tests is the real masker's, as a chat page has it.
import '../../../masker/src/define.js';
import type { ChatPayPaySecurelyOffer } from '../../src/pay-securely-offer/pay-securely-offer.element.js';
import { PAY_SECURELY_OFFER_MESSAGES_EN as WORDS } from '../../src/pay-securely-offer/pay-securely-offer.messages.js';
import { accessible } from '../../../../test-support/axe.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { focused } from '../../../../test-support/focus.js';
import { sendKeys } from '../../../../test-support/keys.js';
import { pair, sendTo } from './fixture.js';

declare function afterEach(body: () => void): void;
afterEach(() => document.body.replaceChildren());

const CARD = '4111 1111 1111 1111';
const DIGITS = CARD.replaceAll(' ', '');
const LAST_FOUR = DIGITS.slice(-4);

/** Whether `text` holds the card's digits in a row (however grouped): what must never leave the box. */
const holdsCard = (text: string) => text.replace(/[\s-]/g, '').includes(DIGITS);

/** A chat page: the offer, a chat box in the masker inside a form with Send, and the messages the form sent. */
async function chatPage() {
  const { agent, customer, agentEnd } = pair();
  const page = document.createElement('main');
  page.innerHTML = `
    <div id="history"></div>
    <chatpay-pay-securely-offer for="masker"></chatpay-pay-securely-offer>
    <form id="chat" aria-label="Write a message">
      <chatpay-card-masker id="masker"><input aria-label="Message" autocomplete="off" /></chatpay-card-masker>
      <button type="submit">Send</button>
    </form>`;
  document.body.append(page);
  const offer = page.querySelector('chatpay-pay-securely-offer')!;
  offer.session = customer;
  const input = page.querySelector('input')!;
  const sent: { text: string; offerShown: boolean }[] = [];
  page.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    // The chat's own Send reads the value: the masker has acted by now, and the offer is up.
    sent.push({ text: input.value, offerShown: offer.shown });
    input.value = '';
  });
  // Everything the customer's page sends to the agent, as it crosses.
  const wire: string[] = [];
  agentEnd.subscribe((raw) => wire.push(JSON.stringify(raw)));
  customer.subscribe(({ type, request }) => {
    if (type !== 'request-added') return;
    const bubble = document.createElement('chatpay-payment-request');
    bubble.request = request;
    page.querySelector('#history')!.append(bubble);
  });
  await offer.updateComplete;
  return { agent, customer, page, offer, input, sent, wire };
}

const base = (offer: ChatPayPaySecurelyOffer) => offer.shadowRoot!.querySelector<HTMLElement>('[part~="base"]');
const button = (offer: ChatPayPaySecurelyOffer, part: string) =>
  offer.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
const live = (offer: ChatPayPaySecurelyOffer) =>
  offer.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

/** Everything of the offer a script or an assistive technology can read: its text and every attribute. */
function everythingIn(offer: ChatPayPaySecurelyOffer): string {
  const parts: string[] = [offer.shadowRoot!.textContent ?? ''];
  for (const element of [offer, ...offer.shadowRoot!.querySelectorAll('*')]) {
    for (const attribute of element.attributes) parts.push(attribute.value);
  }
  return parts.join(' ');
}

async function paste(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.setRangeText(text, input.value.length, input.value.length, 'end');
  input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', data: text, bubbles: true }));
}

describe('<chatpay-pay-securely-offer>', () => {
  it('is hidden, with its live region, until a card is masked in the chat box', async () => {
    const { offer, input } = await chatPage();
    input.focus();
    await sendKeys({ type: 'hello 12345' });
    await offer.updateComplete;
    check(base(offer) === null, 'no offer for text without a card');
    checkEqual(live(offer), '', 'nothing announced');
    await accessible('the chat box, no offer');
  });

  it('appears when a card is typed, before Enter sends it, and the sent text is masked', async () => {
    const { offer, input, sent } = await chatPage();
    input.focus();
    await sendKeys({ type: `my card is ${CARD}` });
    await sendKeys({ press: 'Enter' });
    checkEqual(sent.length, 1, 'the chat sent one message');
    check(sent[0]!.offerShown, 'the offer was up before the chat’s Send read the value');
    check(!holdsCard(sent[0]!.text), 'the sent text has no card number');
    check(sent[0]!.text.includes(LAST_FOUR), 'the sent text keeps the last four');
    await offer.updateComplete;
    checkEqual(live(offer), WORDS.title, 'announced in the live region');
    checkEqual(focused(), input, 'the focus stays in the chat box');
    check(button(offer, 'ask'), 'with no request, accepting asks the agent');
    check(button(offer, 'dismiss'), 'and it can be dismissed');
    await accessible('the offer, no request waiting');
  });

  it('appears at once when a card is pasted, and a Send click sends masked text', async () => {
    const { offer, input, sent, page } = await chatPage();
    await paste(input, CARD);
    await offer.updateComplete;
    check(offer.shown && base(offer), 'shown as soon as the paste is masked');
    check(!holdsCard(input.value), 'the box holds no card number');
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    checkEqual(sent.length, 1, 'sent');
    check(!holdsCard(sent[0]!.text) && sent[0]!.text.includes(LAST_FOUR), 'masked, with the last four');
  });

  it('opens the waiting request’s card form with the focus on the card number', async () => {
    const { agent, customer, offer, input, page } = await chatPage();
    const { incoming } = await sendTo(agent, customer);
    const bubble = page.querySelector('chatpay-payment-request')!;
    await bubble.updateComplete;
    const accepted: unknown[] = [];
    offer.addEventListener('chatpay-offer-accepted', (event) => accepted.push(event.detail));
    await paste(input, CARD);
    await offer.updateComplete;
    checkEqual(button(offer, 'open')?.textContent?.trim(), WORDS.openForm, 'accepting opens the form');
    await accessible('the offer, a request waiting');
    button(offer, 'open')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => incoming.timeline().phase === 'customerEntering', 'the form open');
    await waitUntil(() => focused()?.getAttribute('autocomplete') === 'cc-number', 'the focus on the card number');
    checkEqual(accepted, [{ requestId: incoming.requestId }], 'the event names the request, nothing of the card');
    await offer.updateComplete;
    check(!offer.shown && base(offer) === null, 'the offer has gone');
  });

  it('asks the agent when no request waits: the agent sees it, and nothing of the card crossed', async () => {
    const { agent, offer, input, wire } = await chatPage();
    const accepted: unknown[] = [];
    offer.addEventListener('chatpay-offer-accepted', (event) => accepted.push(event.detail));
    await paste(input, `pay with ${CARD} exp 12/30`);
    await offer.updateComplete;
    button(offer, 'ask')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => agent.paymentAsk !== null, 'the agent has the ask');
    await waitUntil(() => live(offer) === WORDS.asked, 'the customer is told');
    await offer.updateComplete;
    checkEqual(focused(), offer.shadowRoot!.querySelector('.words'), 'the focus on what happened');
    checkEqual(accepted, [{ requestId: null }], 'the event carries no card');
    const asks = wire.filter((text) => text.includes(PAYMENT_ASKED));
    checkEqual(asks.length, 1, 'one ask crossed');
    checkEqual(JSON.stringify((JSON.parse(asks[0]!) as { body: unknown }).body), '{}', 'an empty body');
    check(!wire.some(holdsCard) && !wire.some((text) => text.includes(LAST_FOUR)), 'no digit of the card crossed');
    check(!wire.some((text) => /visa/i.test(text)), 'not even the brand');
    await accessible('the offer after asking');
    button(offer, 'dismiss')!.click();
    await offer.updateComplete;
    check(!offer.shown, 'Close puts it away');
  });

  it('is dismissed by No, thanks, by Escape in the offer and by Escape in the chat box, and gives the focus back', async () => {
    const { offer, input } = await chatPage();
    const dismissed: unknown[] = [];
    offer.addEventListener('chatpay-offer-dismissed', (event) => dismissed.push(event.detail));

    await paste(input, CARD);
    await offer.updateComplete;
    button(offer, 'dismiss')!.focus();
    await sendKeys({ press: 'Enter' });
    await offer.updateComplete;
    check(!offer.shown, 'No, thanks');
    checkEqual(focused(), input, 'the focus back in the chat box');

    input.value = '';
    await paste(input, CARD);
    await offer.updateComplete;
    button(offer, 'ask')!.focus();
    await sendKeys({ press: 'Escape' });
    await offer.updateComplete;
    check(!offer.shown, 'Escape in the offer');
    checkEqual(focused(), input, 'the focus back in the chat box');

    input.value = '';
    await paste(input, CARD);
    await offer.updateComplete;
    checkEqual(focused(), input, 'typing in the chat box');
    await sendKeys({ press: 'Escape' });
    await offer.updateComplete;
    check(!offer.shown, 'Escape in the chat box');
    checkEqual(dismissed, [null, null, null], 'three dismissals, with no detail');
  });

  it('never holds the card: not in its text, its attributes or its events', async () => {
    const { offer, input } = await chatPage();
    const details: unknown[] = [];
    for (const type of ['chatpay-offer-accepted', 'chatpay-offer-dismissed'] as const) {
      offer.addEventListener(type, (event) => details.push(event.detail));
    }
    await paste(input, CARD);
    await offer.updateComplete;
    check(!/\d{2}/.test(everythingIn(offer)), 'no digits of the card anywhere in the offer (only a tabindex of -1)');
    button(offer, 'ask')!.click();
    await waitUntil(() => live(offer) === WORDS.asked, 'asked');
    check(!/\d{2}/.test(everythingIn(offer)), 'none after asking');
    check(!/\d/.test(JSON.stringify(details)), 'no digit in its events');
  });
});
