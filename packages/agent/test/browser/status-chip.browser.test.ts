import { sendKeys } from '../../../../test-support/keys.js';
import type { AgentRequest } from '@chatpay/core';
import '../../src/define.js';
// The viewer defined up front, so that it opens at once: loading it on demand is card-viewer-on-demand's.
import '../../src/card-viewer/card-viewer.define.js';
import type { ChatPayCardViewer } from '../../src/card-viewer/card-viewer.element.js';
import type { ChatPayStatusChip } from '../../src/status-chip/status-chip.element.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { accessible, conversation, mount, settled, TTL, VIEW } from './fixture.js';

afterEach(() => document.body.replaceChildren());

function chip(request: AgentRequest, locale = 'en-US'): ChatPayStatusChip {
  const element = document.createElement('chatpay-status-chip');
  element.locale = locale;
  element.request = request;
  return mount(element);
}

const shadow = (element: ChatPayStatusChip) => element.shadowRoot!;
const label = (element: ChatPayStatusChip) => shadow(element).querySelector('[part~="label"]')!;
const announced = (element: ChatPayStatusChip) => shadow(element).querySelector('[role="status"]')!.textContent;
const timeLeft = (element: ChatPayStatusChip) =>
  shadow(element).querySelector('[part~="time-left"]')?.textContent?.trim() ?? null;
const part = (element: ChatPayStatusChip, name: string) =>
  shadow(element).querySelector<HTMLButtonElement>(`[part~="${name}"]`);

describe('<chatpay-status-chip>', () => {
  it('counts down WAITING FOR CUSTOMER on the session clock, and shows REQUEST EXPIRED at the deadline', async () => {
    const setup = conversation();
    const request = await setup.requested();
    const element = chip(request);
    await settled(element);
    checkEqual(label(element).textContent!.trim(), 'WAITING FOR CUSTOMER', 'the label');
    checkEqual(announced(element), 'WAITING FOR CUSTOMER', 'in the polite live region');
    checkEqual(timeLeft(element), '15:00 left', 'the whole time to live');
    await accessible('waiting');
    setup.clock.advance(61_500);
    await settled(element);
    checkEqual(timeLeft(element), '13:59 left', 'a minute and a half second later, rounded up');
    setup.clock.advance(TTL - 61_500 - 1_000);
    await settled(element);
    checkEqual(timeLeft(element), '0:01 left', 'one second to go');
    setup.clock.advance(1_000);
    await settled(element);
    checkEqual(label(element).textContent!.trim(), 'REQUEST EXPIRED', 'expired at the deadline');
    checkEqual(announced(element), 'REQUEST EXPIRED', 'and announced');
    checkEqual(timeLeft(element), null, 'no countdown');
    await waitUntil(() => setup.customer.requests[0]!.timeline().status === 'request-expired', 'the customer agrees');
    await accessible('expired');
  });

  it('formats the countdown for the locale', async () => {
    const setup = conversation();
    const request = await setup.requested();
    const element = chip(request, 'ar-EG');
    await settled(element);
    checkEqual(timeLeft(element), '١٥:٠٠ left', 'Arabic-Indic digits for ar-EG');
  });

  it('shows CUSTOMER DECLINED PAYMENT', async () => {
    const setup = conversation();
    const request = await setup.requested();
    const element = chip(request);
    check(setup.customer.requests[0]!.decline().ok, 'declined');
    await waitUntil(() => request.timeline().status === 'customer-declined', 'the decline at the agent');
    await settled(element);
    checkEqual(label(element).textContent!.trim(), 'CUSTOMER DECLINED PAYMENT', 'the label');
    checkEqual(announced(element), 'CUSTOMER DECLINED PAYMENT', 'announced');
    checkEqual(part(element, 'cancel'), null, 'nothing to cancel');
    await accessible('declined');
  });

  it('shows TRY AGAIN after a failed send, and a keyboard-only agent retries once the network is back', async () => {
    const setup = conversation();
    setup.failAgentSends(1);
    const request = setup.agent.createRequest();
    check(request.review({ amount: { minor: 500, currency: 'USD' }, reason: 'Postage' }).ok, 'review');
    const element = chip(request);
    check(request.send().ok, 'send');
    await waitUntil(() => request.timeline().status === 'try-again', 'the failed send');
    await settled(element);
    const retry = label(element) as HTMLButtonElement;
    checkEqual(retry.tagName, 'BUTTON', 'TRY AGAIN is a button');
    checkEqual(retry.textContent!.trim(), 'TRY AGAIN', 'labelled');
    checkEqual(announced(element), 'TRY AGAIN', 'announced');
    await accessible('try again');
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => request.timeline().status === 'waiting-for-customer', 'the retried send');
    await settled(element);
    checkEqual(label(element).textContent!.trim(), 'WAITING FOR CUSTOMER', 'now waiting');
    await waitUntil(() => setup.customer.requests.length === 1, 'the request at the customer');
  });

  it('lets the agent cancel a waiting request, after a confirmation, by keyboard', async () => {
    const setup = conversation();
    const request = await setup.requested();
    const element = chip(request);
    await settled(element);
    part(element, 'cancel')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    check(shadow(element).activeElement === part(element, 'keep'), 'asked first, focus on Keep it');
    await accessible('asking to cancel');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(request.timeline().status, 'waiting-for-customer', 'kept');
    check(shadow(element).activeElement === part(element, 'cancel'), 'focus back on Cancel request');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    part(element, 'confirm-cancel')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(request.timeline().status, 'cancelled', 'cancelled');
    checkEqual(label(element).textContent!.trim(), 'CANCELLED', 'shown');
    await accessible('cancelled');
    await waitUntil(() => setup.customer.requests[0]!.timeline().status === 'cancelled', 'the customer is told');
  });

  it('lets the agent cancel a card that arrived and was not opened, as the machine allows', async () => {
    const setup = conversation();
    const request = await setup.requested();
    await setup.paid(request);
    const element = chip(request);
    await settled(element);
    checkEqual(label(element).textContent!.trim(), 'VIEW CARD', 'the card waits');
    part(element, 'cancel')!.click();
    await settled(element);
    part(element, 'confirm-cancel')!.click();
    await settled(element);
    checkEqual(request.timeline().status, 'cancelled', 'cancelled without opening the card');
    checkEqual(part(element, 'cancel'), null, 'nothing more to cancel');
    await waitUntil(() => setup.customer.requests[0]!.timeline().status === 'cancelled', 'the customer is told');
  });

  it('opens VIEW CARD in its own dialog by keyboard, unless the host shows the card itself', async () => {
    const setup = conversation();
    const request = await setup.requested();
    await setup.paid(request);
    const element = chip(request);
    await settled(element);
    checkEqual(label(element).textContent!.trim(), 'VIEW CARD', 'VIEW CARD');
    checkEqual(timeLeft(element), '10:00 left', 'the view window');
    const seen: unknown[] = [];
    const handler = (event: Event) => {
      seen.push((event as CustomEvent).detail);
      event.preventDefault();
    };
    element.addEventListener('chatpay-view-card', handler);
    (label(element) as HTMLButtonElement).click();
    await settled(element);
    checkEqual(seen, [{ requestId: request.requestId, conversationId: 'c-1' }], 'the host is told');
    checkEqual(shadow(element).querySelector('dialog'), null, 'and shows the card its own way');
    element.removeEventListener('chatpay-view-card', handler);

    (label(element) as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    const dialog = shadow(element).querySelector('dialog')!;
    check(dialog.open, 'the dialog is open');
    const viewer = dialog.querySelector('chatpay-card-viewer')!;
    await waitUntil(() => request.timeline().phase === 'cardViewing', 'the card opened');
    await settled(element, viewer);
    check(viewer.shadowRoot!.textContent!.includes('4111 1111 1111 1111'), 'the viewer shows the card');
    await accessible('viewing in the dialog');
    await sendKeys({ press: 'Escape' });
    await settled(element);
    checkEqual(shadow(element).querySelector('dialog'), null, 'closed and gone from the DOM');
    check(shadow(element).activeElement === label(element), 'focus back on VIEW CARD');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    const again = shadow(element).querySelector<ChatPayCardViewer>('dialog chatpay-card-viewer')!;
    await settled(again);
    check(again.shadowRoot!.textContent!.includes('4111 1111 1111 1111'), 'reopened while the window runs');
  });

  it('keeps focus in the chip when the control that had it goes', async () => {
    const setup = conversation();
    const request = await setup.requested();
    await setup.paid(request);
    const element = chip(request);
    await settled(element);
    (label(element) as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await settled(element);
    const viewer = shadow(element).querySelector<ChatPayCardViewer>('dialog chatpay-card-viewer')!;
    await waitUntil(() => request.timeline().phase === 'cardViewing', 'the card opened');
    await settled(element, viewer);
    viewer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="complete"]')!.click();
    await settled(element, viewer);
    await sendKeys({ press: 'Escape' });
    await settled(element);
    checkEqual(label(element).textContent!.trim(), 'COMPLETED', 'completed');
    check(shadow(element).activeElement === part(element, 'base'), 'focus on the chip, not lost to the page');

    const waiting = chip(await setup.requested());
    await settled(waiting);
    part(waiting, 'cancel')!.click();
    await settled(waiting);
    part(waiting, 'confirm-cancel')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(waiting);
    check(shadow(waiting).activeElement === part(waiting, 'base'), 'focus stays in the chip after cancelling');
  });

  it('shows the outcomes: completed, view time ended', async () => {
    const setup = conversation();
    const first = await setup.requested();
    await setup.paid(first);
    const second = await setup.requested();
    await setup.paid(second);
    const [done, lapsed] = [chip(first), chip(second)];
    check((await first.viewCard()).ok, 'viewed');
    check(first.complete().ok, 'completed');
    setup.clock.advance(VIEW);
    await settled(done, lapsed);
    checkEqual(label(done).textContent!.trim(), 'COMPLETED', 'completed');
    checkEqual(label(lapsed).textContent!.trim(), 'VIEW TIME ENDED', 'the view window ended, not the card');
    await accessible('outcomes');
  });
});
