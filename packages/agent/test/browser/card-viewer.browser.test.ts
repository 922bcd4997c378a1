import { sendKeys } from '../../../../test-support/keys.js';
import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  type AgentRequest,
  type AuditFact,
} from '@chatpay/core';
import { ManualClock } from '@chatpay/core/testing';
import '../../src/define.js';
// This file places card viewers itself: defined up front, as a host that does so would.
import '../../src/card-viewer/card-viewer.define.js';
import type { ChatPayCardViewer } from '../../src/card-viewer/card-viewer.element.js';
import {
  clearSystemClipboard,
  CopiedValue,
  type ClearClipboard,
  type ClipboardClearing,
} from '../../src/card-viewer/clipboard-clearing.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';
import { accessible, CARD, conversation, everythingIn, mount, settled, START, TTL, VIEW } from './fixture.js';

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
    // The feedback follows once the viewer has kept the copy's digest (WebCrypto, asynchronous).
    await waitUntil(() => copyNumber.nextElementSibling?.textContent === 'Copied', 'the feedback');
    await settled(element);
    checkEqual(copyNumber.nextElementSibling!.textContent, 'Copied', 'visible feedback');
    checkEqual(announced(element), 'Card number copied. Cleared from the clipboard in 30 seconds.', 'announced');
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

/**
 * A clipboard the test can read: the viewer's `copy` writes to it, and its `clearClipboard` reads it
 * back as a browser that lets the page read would, asking the viewer whether it still holds its value.
 */
function testClipboard() {
  const board = {
    text: '',
    /** How many times the viewer asked to clear, counted the moment it asks. */
    asked: 0,
    outcomes: [] as ClipboardClearing[],
    /** Clearing is refused, as a browser does without a click. */
    refusing: false,
  };
  const copy = (text: string) => {
    board.text = text;
    return Promise.resolve();
  };
  const clearClipboard: ClearClipboard = async (isOurs) => {
    board.asked++;
    if (board.refusing) {
      throw new DOMException('Document is not focused.', 'NotAllowedError');
    }
    const outcome = (await isOurs(board.text)) ? 'cleared' : 'kept';
    if (outcome === 'cleared') board.text = '';
    board.outcomes.push(outcome);
    return outcome;
  };
  return { board, copy, clearClipboard };
}

/**
 * A card being viewed, on a session that records audit facts, with the test clipboard. The viewer's
 * `clipboard-clear-after` is set as an attribute when given.
 */
async function viewingAudited(options: { clearAfter?: string; systemClipboard?: boolean } = {}) {
  const clock = new ManualClock(START);
  const [agentEnd, customerEnd] = createMemoryTransportPair();
  const facts: AuditFact[] = [];
  const agent = createAgentSession({
    ...agentTrust('agent-7'),
    conversationId: 'c-audit',
    transport: agentEnd,
    clock,
    requestTtlMs: TTL,
    viewWindowMs: VIEW,
    onAudit: (fact) => facts.push(fact),
  });
  const customer = createCustomerSession({
    ...customerTrust(),
    conversationId: 'c-audit',
    transport: customerEnd,
    clock,
  });
  const request = agent.createRequest();
  check(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Replacement charger' }).ok, 'review');
  check(request.send().ok, 'send');
  await waitUntil(() => customer.request(request.requestId) !== undefined, 'the request at the customer');
  const peer = customer.request(request.requestId)!;
  check(peer.open().ok, 'open');
  check((await peer.pay(CARD)).ok, 'pay');
  await waitUntil(() => request.timeline().phase === 'cardSubmitted', 'the card at the agent');
  const clipboard = testClipboard();
  const element = document.createElement('chatpay-card-viewer');
  element.locale = 'en-US';
  if (options.clearAfter !== undefined) element.setAttribute('clipboard-clear-after', options.clearAfter);
  if (!options.systemClipboard) {
    element.copy = clipboard.copy;
    element.clearClipboard = clipboard.clearClipboard;
  }
  element.request = request;
  mount(element);
  await waitUntil(() => request.timeline().phase === 'cardViewing', 'the card opened');
  await settled(element);
  return { clock, agent, customer, request, element, facts, board: clipboard.board };
}

const copyButtons = (element: ChatPayCardViewer) => [
  ...shadow(element).querySelectorAll<HTMLButtonElement>('[part~="copy"]'),
];
const clipboardNote = (element: ChatPayCardViewer) =>
  shadow(element).querySelector('[part~="clipboard-note"]')?.textContent?.trim() ?? null;
const rowNote = (element: ChatPayCardViewer, index: number) =>
  shadow(element).querySelectorAll('.row')[index]?.querySelector('[part~="clipboard-note"]') ?? null;

/** Copies the detail in row `index` (0 the number, 1 the name…) and waits until the viewer counts it as in the clipboard. */
async function copyRow(element: ChatPayCardViewer, index: number) {
  copyButtons(element)[index]!.click();
  await waitUntil(() => rowNote(element, index) !== null, 'the note that the value will be cleared');
  await settled(element);
}

describe('<chatpay-card-viewer> and the clipboard', () => {
  it('clears a copied value after 30 seconds on the request’s clock, and not a moment before', async () => {
    const { element, clock, board } = await viewingAudited();
    await copyRow(element, 0);
    checkEqual(board.text, CARD.number, 'the number is in the clipboard');
    checkEqual(clipboardNote(element), 'Cleared from the clipboard in 30 seconds.', 'a visible note says so');
    check(announced(element)!.includes('Cleared from the clipboard in 30 seconds.'), 'and it is announced');
    clock.advance(29_999);
    await settled(element);
    checkEqual(board.asked, 0, 'not asked to clear before the time');
    checkEqual(board.text, CARD.number, 'still in the clipboard');
    clock.advance(1);
    await waitUntil(() => board.text === '', 'the clipboard cleared');
    checkEqual(board.outcomes, ['cleared'], 'cleared once');
    await settled(element);
    checkEqual(clipboardNote(element), null, 'the note goes with the value');
    check(text(element).includes('4111 1111 1111 1111'), 'the card itself is still shown');
  });

  it('clears at once when the view window ends, long before its own time', async () => {
    const { element, clock, board, request } = await viewingAudited({ clearAfter: '3600' });
    await copyRow(element, 3);
    checkEqual(board.text, CARD.securityCode, 'the code is in the clipboard');
    checkEqual(clipboardNote(element), 'Cleared from the clipboard in 3,600 seconds.', 'the time set by the attribute');
    clock.advance(VIEW - 1);
    await settled(element);
    checkEqual(board.asked, 0, 'not before the window ends');
    clock.advance(1);
    await waitUntil(() => board.text === '', 'the clipboard cleared at the end of the window');
    checkEqual(request.timeline().status, 'card-expired', 'the window ended');
    noCardLeft(request, element, 'after the window, with a value copied');
  });

  it('with 0 waits for the card to close, and says so', async () => {
    const { element, clock, board } = await viewingAudited({ clearAfter: '0' });
    await copyRow(element, 1);
    checkEqual(clipboardNote(element), 'Cleared from the clipboard when the card closes.', 'the note');
    clock.advance(VIEW - 1);
    await settled(element);
    checkEqual([board.asked, board.text], [0, CARD.name], 'kept while the card is open');
    clock.advance(1);
    await waitUntil(() => board.text === '', 'cleared when the window ends');
  });

  it('takes a value that is not a number of seconds as 30', async () => {
    const { element, clock, board } = await viewingAudited({ clearAfter: 'soon' });
    await copyRow(element, 0);
    checkEqual(clipboardNote(element), 'Cleared from the clipboard in 30 seconds.', 'the default');
    clock.advance(30_000);
    await waitUntil(() => board.text === '', 'cleared after 30 seconds');
  });

  it('clears at once on Mark as Completed, on Cancel request and when the viewer is removed', async () => {
    for (const end of ['complete', 'cancel', 'remove'] as const) {
      const { element, board, request } = await viewingAudited();
      await copyRow(element, 0);
      if (end === 'remove') element.remove();
      else button(element, end)!.click();
      await waitUntil(() => board.text === '', `the clipboard cleared on ${end}`);
      checkEqual(board.outcomes, ['cleared'], `cleared once on ${end}`);
      if (end !== 'remove') noCardLeft(request, element, `after ${end}, with a value copied`);
      document.body.replaceChildren();
    }
  });

  it('leaves the clipboard alone when the agent copied something else since', async () => {
    const { element, clock, board } = await viewingAudited();
    await copyRow(element, 0);
    board.text = 'an order number the agent copied afterwards';
    clock.advance(30_000);
    await waitUntil(() => board.outcomes.length === 1, 'the clearing done');
    checkEqual(board.outcomes, ['kept'], 'left alone');
    checkEqual(board.text, 'an order number the agent copied afterwards', 'what the agent copied stays');
  });

  it('a second copy replaces the first: its own 30 seconds, and only it is cleared', async () => {
    const { element, clock, board } = await viewingAudited();
    await copyRow(element, 0);
    clock.advance(20_000);
    await copyRow(element, 2);
    checkEqual(board.text, CARD.expiry, 'the expiry is in the clipboard');
    clock.advance(10_000);
    await settled(element);
    checkEqual(board.asked, 0, 'the first copy’s time no longer counts');
    clock.advance(20_000);
    await waitUntil(() => board.text === '', 'the second value cleared at its own time');
    checkEqual(board.outcomes, ['cleared'], 'one clearing');
  });

  it('says so when the browser refuses to clear, and tries again when the window is focused', async () => {
    const { element, clock, board } = await viewingAudited();
    await copyRow(element, 0);
    board.refusing = true;
    clock.advance(30_000);
    await waitUntil(() => shadow(element).querySelector('[role="alert"]') !== null, 'the refusal shown');
    checkEqual(
      shadow(element).querySelector('[role="alert"]')!.textContent!.trim(),
      'The browser did not allow the card detail to be cleared from the clipboard automatically.',
      'a visible message',
    );
    checkEqual(board.text, CARD.number, 'the value is still there');
    await accessible('clipboard not cleared');
    checkEqual(board.asked, 1, 'asked once, not again at every render');
    board.refusing = false;
    window.dispatchEvent(new Event('focus'));
    await waitUntil(() => board.text === '', 'cleared on the next try');
    await settled(element);
    checkEqual(shadow(element).querySelector('[role="alert"]'), null, 'the message goes');
  });

  it('after the window ends, a refused clear leaves a Clear the clipboard button, which a keyboard-only agent presses', async () => {
    const { element, clock, board, request } = await viewingAudited();
    await copyRow(element, 1);
    board.refusing = true;
    clock.advance(VIEW);
    await waitUntil(() => button(element, 'clear-clipboard') !== null, 'the button shown');
    checkEqual(request.timeline().status, 'card-expired', 'the window ended');
    await settled(element);
    check(board.asked <= 2, 'asked at its time and when the window ended, not again at every render');
    checkEqual(board.text, CARD.name, 'the value is still there');
    check(text(element).includes('did not allow the card detail to be cleared'), 'says why');
    await accessible('clipboard not cleared, window ended');
    board.refusing = false;
    const clear = button(element, 'clear-clipboard')!;
    checkEqual(clear.textContent!.trim(), 'Clear the clipboard', 'named');
    clear.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => board.text === '', 'cleared by the press');
    await settled(element);
    checkEqual(button(element, 'clear-clipboard'), null, 'the button goes');
    noCardLeft(request, element, 'after clearing by hand');
  });

  it('records an audit fact per copy of a card field, with no card data in it', async () => {
    const { element, facts, request, clock } = await viewingAudited();
    checkEqual(
      facts.map((fact) => fact.type),
      ['card-viewed'],
      'viewing is a fact',
    );
    const rows = values(element).map(([label]) => label);
    for (let index = 0; index < rows.length; index++) {
      clock.advance(1000);
      await copyRow(element, index);
    }
    const copies = facts.filter((fact) => fact.type === 'card-copied');
    checkEqual(
      copies.map((fact) => (fact.type === 'card-copied' ? fact.field : null)),
      ['number', 'name', 'expiry', 'securityCode'],
      'one fact per card field copied; the brand is not card data',
    );
    checkEqual(
      copies.map((fact) => fact.at - START),
      [1000, 2000, 3000, 4000],
      'each at its time on the session clock',
    );
    button(element, 'complete')!.click();
    await settled(element);
    checkEqual(facts.at(-1)!.type, 'request-completed', 'completing is a fact');
    for (const fact of facts) {
      checkEqual(
        [fact.requestId, fact.conversationId, fact.agentId],
        [request.requestId, 'c-audit', 'agent-7'],
        'which request and which agent',
      );
      for (const value of Object.values(fact)) {
        if (typeof value !== 'string') continue;
        for (const secret of SECRETS) check(!value.includes(secret), `no card value in the fact "${fact.type}"`);
      }
    }
  });

  it('keeps no card value in the element while a copied value waits to be cleared', async () => {
    const { element } = await viewingAudited();
    await copyRow(element, 3);
    const attributes = [...element.attributes].map((attribute) => attribute.value).join('\n');
    for (const secret of SECRETS) check(!attributes.includes(secret), 'no card value in an attribute');
    const own = Object.values(element).filter((value): value is string => typeof value === 'string');
    for (const secret of SECRETS) check(!own.some((value) => value.includes(secret)), 'no card value in a property');
  });
});

describe('<chatpay-card-viewer> on this engine’s own clipboard', () => {
  it('a value copied by keyboard is cleared when Mark as Completed is pressed, while the key press still counts', async () => {
    const { element, request } = await viewingAudited({ systemClipboard: true });
    const outcomes: string[] = [];
    element.clearClipboard = (isOurs) =>
      clearSystemClipboard(isOurs).then(
        (outcome) => (outcomes.push(outcome), outcome),
        (error: unknown) => {
          outcomes.push('refused');
          throw error;
        },
      );
    copyButtons(element)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rowNote(element, 0) !== null || announced(element) !== '', 'the copy done');
    checkEqual(announced(element), 'Card number copied. Cleared from the clipboard in 30 seconds.', 'copied');
    button(element, 'complete')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => outcomes.length > 0, 'the clearing done');
    checkEqual(outcomes, ['cleared'], 'cleared, not refused');
    checkEqual(request.timeline().status, 'completed', 'completed');
  });
});

describe('clearSystemClipboard', () => {
  /** A clipboard that may or may not be read, recording what is written. */
  function clipboardHolding(text: string, readable: boolean) {
    const written: string[] = [];
    return {
      written,
      access: {
        readText: () => Promise.resolve(text),
        writeText: (value: string) => {
          written.push(value);
          return Promise.resolve();
        },
      },
      mayRead: () => Promise.resolve(readable),
    };
  }

  it('wipes the clipboard where it can read it and it still holds the copied value', async () => {
    const copied = await CopiedValue.of(CARD.number);
    const { access, mayRead, written } = clipboardHolding(CARD.number, true);
    checkEqual(await clearSystemClipboard((held) => copied.is(held!), access, mayRead), 'cleared', 'cleared');
    checkEqual(written, [''], 'overwritten with nothing');
  });

  it('leaves it alone where it can read it and it holds something else', async () => {
    const copied = await CopiedValue.of(CARD.number);
    const { access, mayRead, written } = clipboardHolding('something else', true);
    checkEqual(await clearSystemClipboard((held) => copied.is(held!), access, mayRead), 'kept', 'kept');
    checkEqual(written, [], 'nothing written');
  });

  it('overwrites where it may not read, without reading, and rejects where there is no clipboard', async () => {
    const { access, mayRead, written } = clipboardHolding('something else', false);
    const asked: (string | undefined)[] = [];
    const isOurs = (held?: string) => {
      asked.push(held);
      return Promise.resolve(true);
    };
    checkEqual(await clearSystemClipboard(isOurs, access, mayRead), 'cleared', 'cleared');
    checkEqual([written, asked], [[''], [undefined]], 'asked with nothing read, then overwritten');
    let refused = false;
    await clearSystemClipboard(isOurs, null, mayRead).catch(() => (refused = true));
    check(refused, 'no clipboard: refused, so the viewer can say so');
  });

  it('recognises only the copied value by its digest', async () => {
    const copied = await CopiedValue.of(CARD.securityCode);
    check(await copied.is(CARD.securityCode), 'the same value');
    check(!(await copied.is('738')), 'another value');
    check(!(await copied.is('')), 'an empty clipboard');
  });

  it('on this engine’s real clipboard, without a click, clears or is refused: it never hangs or throws outside its promise', async () => {
    let outcome: string;
    try {
      outcome = await clearSystemClipboard(() => Promise.resolve(true));
    } catch (error) {
      outcome = `refused (${error instanceof Error ? error.name : typeof error})`;
    }
    check(outcome === 'cleared' || outcome.startsWith('refused'), 'an outcome the viewer can show');
  });
});
