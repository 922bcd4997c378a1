import { sendKeys } from '../../../../test-support/keys.js';
import type { AgentRequest } from '@chatpay/core';
import '../../src/define.js';
import type { ChatPayCardViewer } from '../../src/card-viewer/card-viewer.element.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { accessible, CARD, conversation, everythingIn, mount, settled, VIEW } from './fixture.js';

afterEach(() => document.body.replaceChildren());

/** What must never remain once the card is gone: every value typed, in every shape shown. */
const SECRETS = [CARD.number, '4111 1111 1111 1111', CARD.name, CARD.expiry, CARD.securityCode];

async function viewing(options: { card?: typeof CARD; copy?: (text: string) => Promise<void> } = {}) {
  const setup = conversation();
  const request = await setup.requested();
  await setup.paid(request, options.card);
  const copied: string[] = [];
  const element = document.createElement('chatpay-card-viewer');
  element.locale = 'en-US';
  element.copy =
    options.copy ??
    ((text) => {
      copied.push(text);
      return Promise.resolve();
    });
  element.request = request;
  mount(element);
  await waitUntil(() => request.timeline().phase === 'cardViewing', 'the card opened');
  await settled(element);
  return { ...setup, request, element, copied };
}

const shadow = (element: ChatPayCardViewer) => element.shadowRoot!;
const text = (element: ChatPayCardViewer) => shadow(element).textContent!.replace(/\s+/g, ' ');
const values = (element: ChatPayCardViewer) =>
  [...shadow(element).querySelectorAll('.row')].map((row) => [
    row.querySelector('dt')!.textContent!.trim(),
    row.querySelector('.value')!.textContent!.trim(),
  ]);
const button = (element: ChatPayCardViewer, name: string) =>
  shadow(element).querySelector<HTMLButtonElement>(`[part~="${name}"]`);
const announced = (element: ChatPayCardViewer) => shadow(element).querySelector('[role="status"]')!.textContent;

function noCardLeft(request: AgentRequest, element: ChatPayCardViewer, state: string) {
  const everything = everythingIn(element);
  for (const secret of SECRETS)
    check(!everything.includes(secret), `no "${secret.length}-character" value left, ${state}`);
  checkEqual(request.card(), null, `the session holds no card, ${state}`);
}

describe('<chatpay-card-viewer>', () => {
  it('shows every detail to copy, and a keyboard-only agent copies and completes', async () => {
    const { element, request, copied, customer } = await viewing();
    checkEqual(
      values(element),
      [
        ['Card number', '4111 1111 1111 1111'],
        ['Name on card', 'Ada Lovelace'],
        ['Expiry', '12/30'],
        ['Security code', '737'],
        ['Card type', 'Visa'],
      ],
      'every detail',
    );
    checkEqual(shadow(element).querySelector('[part~="time-left"]')!.textContent, 'Visible for 10:00', 'the countdown');
    await accessible('viewing');
    check(everythingIn(element).includes('4111 1111 1111 1111'), 'the DOM check sees the card while it is shown');
    const copyNumber = shadow(element).querySelector<HTMLButtonElement>('[part~="copy"]')!;
    checkEqual(copyNumber.getAttribute('aria-label'), 'Copy card number', 'each copy button is named');
    copyNumber.focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(copied, ['4111111111111111'], 'the number is copied without spaces');
    checkEqual(copyNumber.nextElementSibling!.textContent, 'Copied', 'visible feedback');
    checkEqual(announced(element), 'Card number copied.', 'announced');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(copied[1], 'Ada Lovelace', 'Tab reaches the next copy button');
    for (let step = 0; step < 10 && shadow(element).activeElement !== button(element, 'complete'); step++) {
      await sendKeys({ press: 'Tab' });
    }
    check(shadow(element).activeElement === button(element, 'complete'), 'Tab reaches Mark as Completed');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(request.timeline().status, 'completed', 'completed');
    check(text(element).includes('The customer sees Payment Accepted'), 'says what happened');
    await waitUntil(() => customer.requests[0]!.timeline().status === 'payment-accepted', 'Payment Accepted');
    noCardLeft(request, element, 'after completion');
    await accessible('completed');
  });

  it('counts down on the session clock, warns in the last minute, and forgets everything when the window ends', async () => {
    const { element, request, clock, agent, customer } = await viewing();
    clock.advance(VIEW - 60_000);
    await settled(element);
    checkEqual(shadow(element).querySelector('[part~="time-left"]')!.textContent, 'Visible for 1:00', 'a minute left');
    checkEqual(announced(element), 'Less than a minute left to view the card.', 'the warning is announced');
    check(text(element).includes('4111 1111 1111 1111'), 'still there');
    clock.advance(60_000);
    await settled(element);
    checkEqual(request.timeline().status, 'card-expired', 'the window ended');
    check(text(element).includes('Send a new request'), 'says what to do');
    noCardLeft(request, element, 'after the view window');
    checkEqual(agent.secretsHeld, { keys: 0, openedCards: 0 }, 'no key or card in the session');
    await waitUntil(() => customer.requests[0]!.timeline().status === 'card-expired', 'the customer is told');
    await accessible('expired');
  });

  it('forgets the card when the agent cancels', async () => {
    const { element, request } = await viewing();
    button(element, 'cancel')!.click();
    await settled(element);
    checkEqual(request.timeline().status, 'cancelled', 'cancelled');
    noCardLeft(request, element, 'after cancelling');
    await accessible('cancelled');
  });

  it('hides the details while the window is not focused, unless told to keep them', async () => {
    const { element } = await viewing();
    window.dispatchEvent(new Event('blur'));
    await settled(element);
    check(!text(element).includes('4111'), 'hidden on blur');
    check(text(element).includes('Hidden while this window is in the background'), 'and says why');
    check(everythingIn(element).indexOf('4111') === -1, 'not in the DOM at all');
    await accessible('hidden');
    window.dispatchEvent(new Event('focus'));
    await settled(element);
    check(text(element).includes('4111 1111 1111 1111'), 'back on focus');
    element.visibleWhenUnfocused = true;
    window.dispatchEvent(new Event('blur'));
    await settled(element);
    check(text(element).includes('4111 1111 1111 1111'), 'kept when visible-when-unfocused');
  });

  it('groups an American Express number 4-6-5 and shows the postal code', async () => {
    const amex = {
      ...CARD,
      number: '378282246310005',
      securityCode: '1234',
      brand: 'american-express',
      postalCode: 'SW1A 1AA',
    };
    const { element } = await viewing({ card: amex });
    checkEqual(values(element)[0], ['Card number', '3782 822463 10005'], 'grouped as printed');
    checkEqual(values(element).at(-1), ['Postal code', 'SW1A 1AA'], 'the postal code');
  });

  it('says so when the clipboard refuses', async () => {
    const { element } = await viewing({ copy: () => Promise.reject(new Error('denied')) });
    shadow(element).querySelector<HTMLButtonElement>('[part~="copy"]')!.click();
    await settled(element);
    checkEqual(announced(element), 'Could not copy: select the text and copy it by hand.', 'the failure is announced');
  });

  it('keeps no card while taken out of the page, and shows the outcome when put back', async () => {
    const { element, request, clock } = await viewing();
    const parent = element.parentElement!;
    element.remove();
    await settled(element);
    check(!everythingIn(element).includes('4111'), 'no digits in a detached viewer');
    clock.advance(VIEW);
    await settled(element);
    parent.append(element);
    await settled(element);
    checkEqual(request.timeline().status, 'card-expired', 'the window ended meanwhile');
    check(text(element).includes('Send a new request'), 'put back, it shows the outcome');
    noCardLeft(request, element, 'after coming back');
  });

  it('says so when the card cannot be opened', async () => {
    const setup = conversation();
    const request = await setup.requested();
    await setup.paid(request);
    setup.agent.close(); // the session is gone: nothing can open the card
    const element = mount(document.createElement('chatpay-card-viewer'));
    element.request = request;
    await settled(element);
    await settled(element);
    const alert = shadow(element).querySelector('[role="alert"]');
    check(alert?.textContent?.includes('could not be opened'), 'a visible error, not a spinner forever');
    await accessible('could not open');
  });

  it('shows nothing to copy before a card arrives', async () => {
    const setup = conversation();
    const request = await setup.requested();
    const element = mount(document.createElement('chatpay-card-viewer'));
    element.request = request;
    await settled(element);
    check(text(element).includes('No card has arrived'), 'says so');
    await accessible('no card yet');
    checkEqual(request.timeline().phase, 'waitingForCustomer', 'and opens nothing');
  });
});
