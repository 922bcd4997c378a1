import { sendKeys } from '../../../../test-support/keys.js';
import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  err,
  ok,
  SealError,
  type CardDetails,
  type CustomerRequest,
} from '@chatpay/core';
import '../../src/card-form/card-form.define.js';
import type { ChatPayCardForm } from '../../src/card-form/card-form.element.js';
import { accessible } from '../../../../test-support/axe.js';
import { check, checkEqual, waitUntil } from '../../../../test-support/check.js';
import { agentTrust, customerTrust } from '../../../../test-support/trust.js';
import { resumedRequest, sendTo, pair } from './fixture.js';
import { accessibilityTree, findAccessible } from '../../../../test-support/engine.js';

const TERMS = {
  amount: { minor: 1250, currency: 'USD' },
  reason: 'Replacement charger',
  expiresAt: Date.UTC(2030, 0, 1),
  agentKey: { suite: 'HPKE-v1/DHKEM-P256-HKDF-SHA256/HKDF-SHA256/AES-128-GCM', publicKey: 'A'.repeat(87) },
} as const;
const NOW = () => new Date(2026, 10, 24);

/** A request whose `pay` records what it was given, resolving when the test says so. */
function fakeRequest() {
  const paid: CardDetails[] = [];
  let release: () => void = () => {};
  const request = {
    terms: TERMS,
    pay: (card: CardDetails) => {
      paid.push(card);
      return new Promise<ReturnType<typeof ok<undefined>>>((resolve) => {
        release = () => resolve(ok(undefined));
      });
    },
  } as unknown as CustomerRequest;
  return { request, paid, release: () => release() };
}

async function mount(request?: CustomerRequest): Promise<ChatPayCardForm> {
  const main = document.createElement('main');
  const form = document.createElement('chatpay-card-form');
  form.now = NOW;
  form.locale = 'en-US';
  if (request) form.request = request;
  main.append(form);
  document.body.append(main);
  await form.updateComplete;
  return form;
}
afterEach(() => document.body.replaceChildren());

const field = (form: ChatPayCardForm, id: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
const payButton = (form: ChatPayCardForm) => form.shadowRoot!.querySelector<HTMLButtonElement>('button')!;

async function typeInto(form: ChatPayCardForm, id: string, text: string): Promise<void> {
  field(form, id).focus();
  await sendKeys({ type: text });
  await form.updateComplete;
}

async function fillValid(form: ChatPayCardForm): Promise<void> {
  await typeInto(form, 'number', '4111111111111111');
  await typeInto(form, 'name', 'Ada Lovelace');
  await typeInto(form, 'expiry', '1230');
  await typeInto(form, 'securityCode', '737');
}

describe('<chatpay-card-form>', () => {
  it('has no accessibility violations, empty or showing errors', async () => {
    const form = await mount(fakeRequest().request);
    await accessible('empty');
    await typeInto(form, 'number', '4111');
    field(form, 'name').focus();
    await form.updateComplete;
    await accessible('with an error');
  });

  it('enables Pay only once every field is valid, and formats the number in the brand groups', async () => {
    const form = await mount(fakeRequest().request);
    check(payButton(form).disabled, 'disabled when empty');
    await typeInto(form, 'number', '4111111111111111');
    checkEqual(field(form, 'number').value, '4111 1111 1111 1111', 'grouped');
    await typeInto(form, 'name', 'Ada Lovelace');
    await typeInto(form, 'expiry', '1230');
    checkEqual(field(form, 'expiry').value, '12/30', 'expiry mask');
    check(payButton(form).disabled, 'still disabled without the code');
    await typeInto(form, 'securityCode', '737');
    check(!payButton(form).disabled, 'enabled when all valid');
    checkEqual(payButton(form).textContent?.trim(), 'Pay $12.50', 'the amount on the button');
  });

  it('switches groups and the code to the brand: American Express', async () => {
    const form = await mount(fakeRequest().request);
    await typeInto(form, 'number', '378282246310005');
    checkEqual(field(form, 'number').value, '3782 822463 10005', 'Amex groups');
    const label = field(form, 'securityCode').closest('label')!.textContent!;
    check(label.includes('CID'), `the code is labelled as Amex names it: ${label}`);
    await typeInto(form, 'securityCode', '12345');
    checkEqual(field(form, 'securityCode').value, '1234', 'four digits');
  });

  it("gives a screen reader each field's name, format and error, from the browser's accessibility tree", async function () {
    const form = await mount(fakeRequest().request);
    form.shadowRoot!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await form.updateComplete;
    const tree = await accessibilityTree();
    if (!tree) this.skip(); // only Chromium gives the runner its accessibility tree
    const fields = findAccessible(tree!, (node) => node.role === 'textbox');
    const read = (name: string) => {
      const found = fields.find((node) => node.name === name);
      check(found, `a text field named "${name}" (fields: ${fields.map((node) => node.name).join(', ')})`);
      return found!;
    };
    for (const [name, required] of [
      ['Card number', 'Enter the card number.'],
      ['Name on card', 'Enter the name on the card.'],
      ['Expiry date', 'Enter the expiry date.'],
      ['Security code', 'Enter the security code.'],
    ] as const) {
      const node = read(name);
      check(node.description?.includes(required), `"${name}" is described by its own error: ${node.description}`);
      checkEqual(node.invalid, 'true', `"${name}" is invalid`);
    }
    check(read('Expiry date').description?.includes('MM/YY'), 'the expiry is described by its format');
  });

  it('shows an error after a field is left, announced and tied to the field', async () => {
    const form = await mount(fakeRequest().request);
    await typeInto(form, 'number', '4111111111111112');
    field(form, 'name').focus();
    await form.updateComplete;
    const number = field(form, 'number');
    checkEqual(number.getAttribute('aria-invalid'), 'true', 'aria-invalid');
    const error = form.shadowRoot!.getElementById(number.getAttribute('aria-describedby')!.split(' ').at(-1)!)!;
    checkEqual(error.getAttribute('role'), 'alert', 'announced');
    check(error.textContent!.includes('not valid'), 'says what is wrong');
    check(!error.textContent!.includes('4111'), 'never repeats the number');
  });

  it('accepts a pasted formatted number and autofill-style filling of all fields at once', async () => {
    const form = await mount(fakeRequest().request);
    const fill = (id: string, value: string) => {
      const input = field(form, id);
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    };
    fill('number', '4111-1111-1111-1111');
    fill('name', 'Ada Lovelace');
    fill('expiry', '12/30');
    fill('securityCode', '737');
    await form.updateComplete;
    checkEqual(field(form, 'number').value, '4111 1111 1111 1111', 'reformatted');
    check(!payButton(form).disabled, 'ready to pay');
    checkEqual(
      ['number', 'name', 'expiry', 'securityCode'].map((id) => field(form, id).getAttribute('autocomplete')),
      ['cc-number', 'cc-name', 'cc-exp', 'cc-csc'],
      'autocomplete tokens',
    );
  });

  it('can be paid by keyboard alone, sends once on a double click, and clears every digit afterwards', async () => {
    const { request, paid, release } = fakeRequest();
    const form = await mount(request);
    const sealed: unknown[] = [];
    form.addEventListener('chatpay-card-sealed', (event) => sealed.push(event.detail));
    await fillValid(form);
    await sendKeys({ press: 'Tab' });
    check(form.shadowRoot!.activeElement === payButton(form), 'Tab reaches Pay');
    await sendKeys({ press: 'Enter' });
    payButton(form).click(); // a second click while the first is on its way
    await form.updateComplete;
    checkEqual(paid.length, 1, 'sent once');
    checkEqual(
      paid[0],
      { number: '4111111111111111', name: 'Ada Lovelace', expiry: '12/30', securityCode: '737', brand: 'visa' },
      'the card',
    );
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await form.updateComplete;
    checkEqual(sealed, [{ brand: 'visa', lastFour: '1111' }], 'event with brand and last four only');
    // Lit's comment markers hold random numbers: only the rendered markup and the fields' values count.
    const markup = form.shadowRoot!.innerHTML.replace(/<!--[^]*?-->/g, '');
    const values = [...form.shadowRoot!.querySelectorAll('input')].map((input) => input.value).join('');
    checkEqual(values, '', 'every field is empty');
    for (const typed of ['4111', '1111', '737', 'Ada', '12/30'])
      check(!markup.includes(typed), `"${typed}" is gone from the DOM`);
    check(!form.outerHTML.includes('4111'), 'nothing in attributes');
  });
});

describe('<chatpay-card-form> with real sessions', () => {
  it('seals the card in this browser; only the agent opens it, with exactly what was typed', async () => {
    const [agentEnd, customerEnd] = createMemoryTransportPair();
    const wire: string[] = [];
    const send = customerEnd.send.bind(customerEnd);
    customerEnd.send = (message) => (wire.push(JSON.stringify(message)), send(message));
    const agent = createAgentSession({ ...agentTrust(), conversationId: 'c-1', transport: agentEnd });
    const customer = createCustomerSession({ ...customerTrust(), conversationId: 'c-1', transport: customerEnd });
    const request = agent.createRequest();
    check(request.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Charger' }).ok, 'review');
    check(request.send().ok, 'send');
    for (let round = 0; round < 200 && customer.requests.length === 0; round++)
      await new Promise((r) => setTimeout(r, 5));
    const incoming = customer.requests[0]!;
    check(incoming.open().ok, 'open');
    const form = await mount(incoming);
    await fillValid(form);
    payButton(form).click();
    for (let round = 0; round < 400 && request.timeline().phase !== 'cardSubmitted'; round++)
      await new Promise((r) => setTimeout(r, 5));
    const viewed = await request.viewCard();
    check(viewed.ok, 'the agent opens it');
    checkEqual(
      viewed.value,
      { number: '4111111111111111', name: 'Ada Lovelace', expiry: '12/30', securityCode: '737', brand: 'visa' },
      'what was typed',
    );
    check(
      !wire.join('').includes('4111111111111111') && !wire.join('').includes('Ada Lovelace'),
      'only ciphertext crossed',
    );
    agent.close();
    customer.close();
  });

  it('takes a gift card with a PIN from an extra card definition', async () => {
    const form = await mount(fakeRequest().request);
    form.extraCards = [
      {
        brand: 'acme-gift',
        niceName: 'Acme Gift Card',
        prefixes: ['603571'],
        lengths: [19],
        gaps: [4, 8, 12, 16],
        luhn: false,
        securityCode: { name: 'PIN', size: 4 },
      },
    ];
    await form.updateComplete;
    await typeInto(form, 'number', '6035710000000000001');
    checkEqual(field(form, 'number').value, '6035 7100 0000 0000 001', 'the gift card groups');
    const label = field(form, 'securityCode').closest('label')!.textContent!;
    check(label.includes('PIN'), `asks for the PIN: ${label}`);
  });

  it('works inside another component\u2019s shadow root', async () => {
    const main = document.createElement('main');
    const host = document.createElement('div');
    main.append(host);
    document.body.append(main);
    const form = document.createElement('chatpay-card-form');
    form.now = NOW;
    form.request = fakeRequest().request;
    host.attachShadow({ mode: 'open' }).append(form);
    await form.updateComplete;
    await fillValid(form);
    check(!payButton(form).disabled, 'ready to pay');
  });
});

describe('<chatpay-card-form> when the sealing code does not load', () => {
  it('says nothing was sent and asks to check the connection, keeps the card, and pays on the next try', async () => {
    let loaded = false;
    const paid: CardDetails[] = [];
    const request = {
      terms: TERMS,
      pay: async (card: CardDetails) => {
        paid.push(card);
        return loaded ? ok(undefined) : err(new SealError('not-loaded', 'The code that seals the card did not load.'));
      },
    } as unknown as CustomerRequest;
    const form = await mount(request);
    await fillValid(form);
    payButton(form).click();
    await waitUntil(() => form.shadowRoot!.querySelector('[role="alert"]') !== null, 'the failure said');
    checkEqual(
      form.shadowRoot!.querySelector('[role="alert"]')!.textContent,
      'The secure payment did not load, and nothing was sent. Check your connection and try again.',
      'why, in words',
    );
    checkEqual(field(form, 'number').value, '4111 1111 1111 1111', 'the card kept to pay again');
    check(!payButton(form).disabled, 'Pay offered again');
    await accessible('the sealing code not loaded');
    loaded = true;
    payButton(form).click();
    await waitUntil(() => field(form, 'number').value === '', 'sealed and cleared');
    checkEqual(paid.length, 2, 'paid again');
  });
});

describe('<chatpay-card-form> rules and options', () => {
  it('shows every error when Pay is tried with Enter, and moves the focus to the first', async () => {
    const form = await mount(fakeRequest().request);
    await typeInto(form, 'name', 'Ada Lovelace');
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;
    const errors = [...form.shadowRoot!.querySelectorAll('[role="alert"]')].map((error) => error.id);
    checkEqual(errors, ['number-error', 'expiry-error', 'securityCode-error'], 'the errors, next to their fields');
    check(form.shadowRoot!.activeElement === field(form, 'number'), 'focus on the first field in error');
  });

  it('refuses a brand the integrator does not accept, and says so', async () => {
    const form = await mount(fakeRequest().request);
    form.acceptedBrands = ['visa', 'mastercard'];
    await form.updateComplete;
    await typeInto(form, 'number', '378282246310005');
    field(form, 'name').focus();
    await form.updateComplete;
    const error = form.shadowRoot!.getElementById('number-error');
    check(error?.textContent?.includes('not accepted'), 'says the card type is not accepted');
  });

  it('asks for a billing postal code when told to, and needs it to pay', async () => {
    const form = await mount(fakeRequest().request);
    form.postalCode = true;
    await form.updateComplete;
    checkEqual(field(form, 'postalCode').getAttribute('autocomplete'), 'postal-code', 'autocomplete');
    await fillValid(form);
    check(payButton(form).disabled, 'not without the postal code');
    await typeInto(form, 'postalCode', 'SW1A 1AA');
    check(!payButton(form).disabled, 'ready with it');
  });

  it('lays out right to left', async () => {
    const form = await mount(fakeRequest().request);
    form.closest('main')!.setAttribute('dir', 'rtl');
    await form.updateComplete;
    const expiry = field(form, 'expiry').getBoundingClientRect();
    const code = field(form, 'securityCode').getBoundingClientRect();
    check(expiry.left > code.left, 'the expiry, first in reading order, is on the right');
  });
});

describe("<chatpay-card-form>: each field's own error", () => {
  const errorOf = (form: ChatPayCardForm, id: string) => form.shadowRoot!.getElementById(`${id}-error`)?.textContent;
  const paste = (form: ChatPayCardForm, id: string, value: string) => {
    const input = field(form, id);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  };

  it('tells a name with a digit or an ampersand what a name may hold, not to use digits', async () => {
    const form = await mount(fakeRequest().request);
    for (const name of ['A1', 'Ann & Bob']) {
      field(form, 'name').select();
      await typeInto(form, 'name', name);
      field(form, 'expiry').focus();
      await form.updateComplete;
      checkEqual(
        errorOf(form, 'name'),
        'Use only letters, spaces, apostrophes, hyphens and full stops in the name.',
        `the name's own message for "${name}"`,
      );
      checkEqual(field(form, 'name').getAttribute('aria-invalid'), 'true', 'marked invalid');
    }
    await accessible('a name in error');
  });

  for (const [how, enter] of [
    ['typed', (form: ChatPayCardForm, value: string) => typeInto(form, 'expiry', value)],
    ['pasted', async (form: ChatPayCardForm, value: string) => (paste(form, 'expiry', value), form.updateComplete)],
  ] as const) {
    it(`refuses the impossible months 13 and 00, ${how}, keeping them as they were written`, async () => {
      const form = await mount(fakeRequest().request);
      await fillValid(form);
      for (const [value, shown] of [
        [how === 'typed' ? '1330' : '13/30', '13/30'],
        [how === 'typed' ? '0030' : '00/30', '00/30'],
      ] as const) {
        field(form, 'expiry').select();
        await sendKeys({ press: 'Backspace' });
        await enter(form, value);
        field(form, 'name').focus();
        await form.updateComplete;
        checkEqual(field(form, 'expiry').value, shown, `${value} is kept as written, not corrected`);
        checkEqual(errorOf(form, 'expiry'), 'Enter a month from 01 to 12.', `${shown} gets the month message`);
        check(payButton(form).disabled, `no paying with ${shown}`);
      }
      field(form, 'expiry').select();
      await sendKeys({ press: 'Backspace' });
      await typeInto(form, 'expiry', '530');
      checkEqual(field(form, 'expiry').value, '05/30', 'a lone 5 is still the month 05');
      check(!payButton(form).disabled, 'a possible month pays');
    });
  }
});

describe('<chatpay-card-form> masks', () => {
  it('keeps its masks when moved to another place in the page', async () => {
    const form = await mount(fakeRequest().request);
    await typeInto(form, 'number', '4111');
    const elsewhere = document.createElement('section');
    document.querySelector('main')!.append(elsewhere);
    elsewhere.append(form); // taken out of the page and put back in: disconnected, then connected
    await form.updateComplete;
    checkEqual(field(form, 'number').value, '', 'what was typed is not kept when the form leaves the page');
    await typeInto(form, 'number', '378282246310005');
    checkEqual(field(form, 'number').value, '3782 822463 10005', 'still grouped for the brand');
    await typeInto(form, 'expiry', '1230');
    checkEqual(field(form, 'expiry').value, '12/30', 'the expiry mask');
    await typeInto(form, 'name', 'Ada Lovelace');
    await typeInto(form, 'securityCode', '12345');
    checkEqual(field(form, 'securityCode').value, '1234', 'the code mask, four digits for the brand');
    check(!payButton(form).disabled, 'ready to pay');
  });

  it('masks the security code again when it comes back after a card without one', async () => {
    const form = await mount(fakeRequest().request);
    form.extraCards = [
      {
        brand: 'acme-store',
        niceName: 'Acme Store Card',
        prefixes: ['603572'],
        lengths: [19],
        gaps: [4, 8, 12, 16],
        luhn: false,
        securityCode: null,
      },
    ];
    await form.updateComplete;
    await typeInto(form, 'number', '6035720000000000001');
    checkEqual(form.shadowRoot!.querySelector('#securityCode'), null, 'no code for this card');
    field(form, 'number').select();
    await sendKeys({ press: 'Backspace' });
    await form.updateComplete;
    await typeInto(form, 'number', '4111111111111111');
    check(field(form, 'securityCode'), 'the code is asked for again');
    await typeInto(form, 'name', 'Ada Lovelace');
    await typeInto(form, 'expiry', '1230');
    await typeInto(form, 'securityCode', '73712');
    checkEqual(field(form, 'securityCode').value, '737', 'masked to the three digits of a Visa code');
    check(!payButton(form).disabled, 'ready to pay');
  });
});

describe('<chatpay-card-form> after a reload while the card was being entered', () => {
  const notice = (form: ChatPayCardForm) => form.shadowRoot!.querySelector('[part~="resumed"]')!;

  it('comes back empty and says, politely and above the fields, that the details were not kept', async () => {
    const { incoming, request } = await resumedRequest();
    check(incoming.resumed, 'taken up again');
    const form = await mount(incoming);
    await form.updateComplete;
    checkEqual(notice(form).getAttribute('role'), 'status', 'a polite status, not an alert');
    check(notice(form).textContent!.includes('your card details were not kept'), 'says what happened');
    check(notice(form).textContent!.includes('enter them again'), 'and what to do');
    check(
      notice(form).compareDocumentPosition(form.shadowRoot!.querySelector('fieldset')!) &
        Node.DOCUMENT_POSITION_FOLLOWING,
      'above the fields',
    );
    checkEqual(form.shadowRoot!.querySelectorAll('[role="alert"]').length, 0, 'no error');
    const values = [...form.shadowRoot!.querySelectorAll('input')].map((input) => input.value).join('');
    checkEqual(values, '', 'every field empty');
    await accessible('resumed');
    await fillValid(form);
    await sendKeys({ press: 'Enter' });
    for (let round = 0; round < 400 && request.timeline().phase !== 'cardSubmitted'; round++)
      await new Promise((r) => setTimeout(r, 5));
    checkEqual(request.timeline().phase, 'cardSubmitted', 'entered again by keyboard, the card reaches the agent');
  });

  it('says nothing of the kind on a first visit', async () => {
    const { agent, customer } = pair();
    const { incoming } = await sendTo(agent, customer);
    check(incoming.open().ok, 'Enter Payment');
    const form = await mount(incoming);
    checkEqual(incoming.resumed, false, 'not resumed');
    checkEqual(notice(form).textContent, '', 'the live region is there, and empty');
  });
});
