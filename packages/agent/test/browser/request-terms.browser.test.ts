// What the agent sees of each request: its amount and reason on the chip and in the viewer, the
// banner's amount, and the countdown's last minute.
import { sendKeys } from '../../../../test-support/keys.js';
import type { AgentRequest, AgentSession } from '@chatpay/core';
import '../../src/define.js';
// This file places card viewers itself: defined up front, as a host that does so would.
import '../../src/card-viewer/card-viewer.define.js';
import type { ChatPayCardViewer } from '../../src/card-viewer/card-viewer.element.js';
import type { ChatPayStatusChip } from '../../src/status-chip/status-chip.element.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { focused } from '../../../../test-support/focus.js';
import { accessible, conversation, mount, settled, TTL, VIEW } from './fixture.js';

afterEach(() => document.body.replaceChildren());

/** A reason far longer than a chip's line. */
const LONG_REASON =
  'Replacement charger for the laptop bought in March, with express delivery to the office address on file';

function send(agent: AgentSession, minor: number, reason: string): AgentRequest {
  const request = agent.createRequest();
  check(request.review({ amount: { minor, currency: 'USD' }, reason }).ok, 'review');
  check(request.send().ok, 'send');
  return request;
}

function chip(request: AgentRequest, locale = 'en-US'): ChatPayStatusChip {
  const element = document.createElement('chatpay-status-chip');
  element.locale = locale;
  element.request = request;
  return mount(element);
}

const inChip = (element: ChatPayStatusChip, name: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const nameOf = (element: ChatPayStatusChip) => inChip(element, 'base')!.getAttribute('aria-label');

/** How many times the text of `region` changed while `during` ran. */
async function changesOf(region: Element, during: () => Promise<void>): Promise<string[]> {
  const said: string[] = [];
  const observer = new MutationObserver(() => said.push(region.textContent ?? ''));
  observer.observe(region, { characterData: true, childList: true, subtree: true });
  await during();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return said;
}

describe('<chatpay-status-chip> names what each request asks for', () => {
  it('three requests are three different chips: amount for the locale, reason, and an accessible name of both', async () => {
    const setup = conversation();
    const requests = [
      send(setup.agent, 1250, 'Replacement charger'),
      send(setup.agent, 4000, 'Express delivery'),
      send(setup.agent, 99, 'Gift wrap'),
    ];
    await waitUntil(() => requests.every((request) => request.timeline().status === 'waiting-for-customer'), 'sent');
    const chips = requests.map((request) => chip(request));
    await settled(...chips);
    checkEqual(
      chips.map((element) => [inChip(element, 'amount')!.textContent, inChip(element, 'reason')!.textContent]),
      [
        ['$12.50', 'Replacement charger'],
        ['$40.00', 'Express delivery'],
        ['$0.99', 'Gift wrap'],
      ],
      'each amount and reason',
    );
    checkEqual(
      chips.map(nameOf),
      [
        'WAITING FOR CUSTOMER: $12.50, Replacement charger',
        'WAITING FOR CUSTOMER: $40.00, Express delivery',
        'WAITING FOR CUSTOMER: $0.99, Gift wrap',
      ],
      'the accessible names: status, amount, reason',
    );
    checkEqual(inChip(chips[0]!, 'base')!.getAttribute('role'), 'group', 'a named group');
    checkEqual(inChip(chips[0]!, 'reason')!.localName, 'bdi', 'the reason in its own direction');
    await accessible('three chips');
  });

  it('formats the amount for the element’s locale, and keeps it through the outcome', async () => {
    const setup = conversation();
    const request = await setup.requested();
    const element = chip(request, 'de-DE');
    await settled(element);
    checkEqual(inChip(element, 'amount')!.textContent, '12,50\u00a0$', 'German grouping and symbol');
    check(request.cancel().ok, 'cancelled');
    await settled(element);
    checkEqual(inChip(element, 'label')!.textContent!.trim(), 'CANCELLED', 'the outcome');
    checkEqual(inChip(element, 'amount')!.textContent, '12,50\u00a0$', 'still named');
  });

  it('shows the reason as text, never as markup', async () => {
    const setup = conversation();
    const request = send(setup.agent, 500, '<img src=x onerror="alert(1)"> & <b>cable</b>');
    const element = chip(request);
    await settled(element);
    checkEqual(inChip(element, 'reason')!.textContent, '<img src=x onerror="alert(1)"> & <b>cable</b>', 'as typed');
    checkEqual(element.shadowRoot!.querySelectorAll('img, b').length, 0, 'no element made of it');
  });

  it('cuts a long reason to one line, and shows it whole to a keyboard-only agent and after a press', async () => {
    const setup = conversation();
    const request = send(setup.agent, 1250, LONG_REASON);
    const element = chip(request);
    await settled(element);
    const reason = inChip(element, 'reason')!;
    const terms = inChip(element, 'terms') as HTMLButtonElement;
    const line = parseFloat(getComputedStyle(reason).lineHeight) || reason.getBoundingClientRect().height;
    checkEqual(getComputedStyle(reason).textOverflow, 'ellipsis', 'an ellipsis');
    checkEqual(getComputedStyle(reason).whiteSpace, 'nowrap', 'one line');
    check(reason.scrollWidth > reason.clientWidth, 'the reason is cut');
    checkEqual(reason.textContent, LONG_REASON, 'the whole reason is in the text');
    check(nameOf(element)!.endsWith(LONG_REASON), 'and in the accessible name');
    const cut = reason.getBoundingClientRect().height;

    // Tab from the top of the page: the terms are the chip's first stop.
    const top = document.body.insertBefore(document.createElement('span'), document.body.firstChild);
    top.tabIndex = -1;
    top.focus();
    await sendKeys({ press: 'Tab' });
    checkEqual(focused(), terms, 'Tab reaches the terms');
    check(reason.getBoundingClientRect().height > cut + line / 2, 'focused, the reason shows on several lines');
    check(reason.scrollWidth <= reason.clientWidth + 1, 'nothing cut');
    checkEqual(terms.getAttribute('data-open'), 'false', 'not yet kept open');

    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(terms.getAttribute('data-open'), 'true', 'Enter keeps it whole');
    top.focus();
    await settled(element);
    check(reason.getBoundingClientRect().height > cut + line / 2, 'still whole after focus moves on');
    await accessible('the whole reason');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settled(element);
    checkEqual(terms.getAttribute('data-open'), 'false', 'pressed again, cut again');
    top.remove();
  });
});

describe('the last minute of a countdown', () => {
  it('the chip draws it as urgent at 60 s left, and says so once, not every second', async () => {
    const setup = conversation();
    const request = await setup.requested();
    const element = chip(request);
    await settled(element);
    const region = element.shadowRoot!.querySelector('[role="status"]')!;
    setup.clock.advance(TTL - 60_001);
    await settled(element);
    checkEqual(inChip(element, 'time-left')!.textContent!.trim(), '1:01 left', 'a minute and a bit');
    checkEqual(inChip(element, 'time-left')!.hasAttribute('data-urgent'), false, 'not urgent yet');
    checkEqual(inChip(element, 'urgent'), null, 'no urgent part');
    const said = await changesOf(region, async () => {
      setup.clock.advance(1);
      await settled(element);
      for (let second = 0; second < 5; second++) {
        setup.clock.advance(1_000);
        await settled(element);
      }
    });
    checkEqual(inChip(element, 'time-left')!.textContent!.trim(), '0:55 left', 'five seconds on');
    checkEqual(said, ['WAITING FOR CUSTOMER. Less than a minute left for the customer to pay.'], 'said once');
    const urgent = inChip(element, 'urgent')!;
    check(urgent === inChip(element, 'time-left'), 'the countdown carries the urgent part');
    checkEqual(urgent.getAttribute('data-urgent'), 'true', 'and data-urgent');
    checkEqual(getComputedStyle(urgent).fontWeight, '700', 'drawn bold');
    await accessible('the last minute');
  });

  it('the viewer draws it as urgent at 60 s left, and says so once, not every second', async () => {
    const setup = conversation();
    const request = await setup.requested();
    await setup.paid(request);
    const viewer = mount(document.createElement('chatpay-card-viewer'));
    viewer.locale = 'en-US';
    viewer.request = request;
    await waitUntil(() => request.timeline().phase === 'cardViewing', 'the card opened');
    await settled(viewer);
    const part = (name: string) => viewer.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
    const region = viewer.shadowRoot!.querySelector('[role="status"]')!;
    setup.clock.advance(VIEW - 60_001);
    await settled(viewer);
    checkEqual(part('time-left')!.hasAttribute('data-urgent'), false, 'not urgent at 1:01');
    const said = await changesOf(region, async () => {
      setup.clock.advance(1);
      await settled(viewer);
      for (let second = 0; second < 5; second++) {
        setup.clock.advance(1_000);
        await settled(viewer);
      }
    });
    checkEqual(part('time-left')!.textContent, 'Visible for 0:55', 'five seconds on');
    checkEqual(said, ['Less than a minute left to view the card.'], 'said once');
    checkEqual(part('urgent'), part('time-left'), 'the urgent part');
    checkEqual(part('time-left')!.getAttribute('data-urgent'), 'true', 'data-urgent');
    await accessible('the last minute of the view window');
  });
});

describe('<chatpay-card-viewer> names what to charge', () => {
  it('shows the amount and the reason next to the card, the reason as text', async () => {
    const setup = conversation();
    const request = await setup.requested();
    await setup.paid(request);
    const viewer: ChatPayCardViewer = mount(document.createElement('chatpay-card-viewer'));
    viewer.locale = 'en-US';
    viewer.request = request;
    await waitUntil(() => request.timeline().phase === 'cardViewing', 'the card opened');
    await settled(viewer);
    const charge = viewer.shadowRoot!.querySelector('[part~="charge"]')!;
    checkEqual(
      [...charge.querySelectorAll('dt, dd')].map((node) => node.textContent!.trim()),
      ['Amount to charge', '$12.50', 'Reason for charge', 'Replacement charger'],
      'the amount and the reason',
    );
    checkEqual(charge.querySelector('[part~="reason"]')!.localName, 'bdi', 'the reason in its own direction');
    check(viewer.shadowRoot!.querySelector('[part~="details"]'), 'next to the card');
    await accessible('the charge');
  });
});
