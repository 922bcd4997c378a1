import { sendKeys } from '../../../../test-support/keys.js';
import { accessible } from '../../../../test-support/axe.js';
import { CardDefinitionError, type CardDefinition } from '@chatpay/cards';
import { attachCardMasker, type CardDetectedDetail } from '../../src/attach.js';
import '../../src/define.js';
import type { ChatPayCardMasker } from '../../src/card-masker.element.js';
import { check, checkEqual } from '../../../../test-support/check.js';

/** A fresh fixture in the page; removed after each test by `cleanup`. */
function mount(html: string): HTMLElement {
  const host = document.createElement('main');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}
afterEach(() => {
  document.body.replaceChildren();
});

function detections(target: EventTarget): CardDetectedDetail[] {
  const seen: CardDetectedDetail[] = [];
  target.addEventListener('chatpay-card-detected', (event) =>
    seen.push((event as CustomEvent<CardDetectedDetail>).detail),
  );
  return seen;
}

async function paste(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  const at = field.selectionStart ?? field.value.length;
  field.setRangeText(text, at, field.selectionEnd ?? at, 'end');
  field.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', data: text, bubbles: true }));
}

declare function afterEach(body: () => void): void;

describe('<chatpay-card-masker> around a textarea', () => {
  it('passes an accessibility check with a labelled chat input', async () => {
    mount('<label for="m">Message</label><chatpay-card-masker><textarea id="m"></textarea></chatpay-card-masker>');
    await accessible('the wrapped chat box');
  });

  it('waits after a space that may be followed by more digits, and masks on the next character', async () => {
    const host = mount('<chatpay-card-masker><input aria-label="Message"></chatpay-card-masker>');
    const input = host.querySelector('input')!;
    input.focus();
    await sendKeys({ type: '4111 1111 1111 1111 ' });
    checkEqual(input.value, '4111 1111 1111 1111 ', 'a 16-digit Visa may still grow to 19 digits');
    await sendKeys({ type: 'o' });
    checkEqual(input.value, '•••• •••• •••• 1111 o', 'masked once the number is over');
  });

  it('masks when the caret is moved away from the number with the arrow keys', async () => {
    const host = mount('<chatpay-card-masker><input aria-label="Message"></chatpay-card-masker>');
    const input = host.querySelector('input')!;
    input.focus();
    await sendKeys({ type: 'x 4111111111111111' });
    checkEqual(input.value, 'x 4111111111111111', 'still typing');
    await sendKeys({ press: 'Home' });
    checkEqual(input.value, 'x ••••••••••••1111', 'masked once the caret left it');
    checkEqual(input.selectionStart, 0, 'the caret where the key put it');
  });

  it('masks when the field loses focus', async () => {
    const host = mount('<chatpay-card-masker><input aria-label="Message"></chatpay-card-masker><button>Send</button>');
    const input = host.querySelector('input')!;
    input.focus();
    await sendKeys({ type: '4111111111111111' });
    host.querySelector('button')!.focus();
    checkEqual(input.value, '••••••••••••1111', 'masked on blur');
  });

  it('masks a typed number once the person types past it, and keeps the caret at the end', async () => {
    const host = mount('<chatpay-card-masker><textarea aria-label="Message"></textarea></chatpay-card-masker>');
    const field = host.querySelector('textarea')!;
    const seen = detections(host);
    field.focus();
    await sendKeys({ type: 'my card is 4111 1111 1111 1111' });
    checkEqual(field.value, 'my card is 4111 1111 1111 1111', 'untouched while the number is being typed');
    checkEqual(seen.length, 0, 'no event yet');
    await sendKeys({ type: ' thanks' });
    checkEqual(field.value, 'my card is •••• •••• •••• 1111 thanks', 'masked after moving on');
    checkEqual(field.selectionStart, field.value.length, 'caret at the end');
    checkEqual(
      JSON.stringify(seen),
      JSON.stringify([{ brand: 'visa', lastFour: '1111' }]),
      'event with brand and last four only',
    );
  });

  it('masks an expiry and security code typed after a masked card', async () => {
    const host = mount('<chatpay-card-masker><textarea aria-label="Message"></textarea></chatpay-card-masker>');
    const field = host.querySelector('textarea')!;
    field.focus();
    await sendKeys({ type: '4111111111111111 exp 12/29 cvv 123 ok' });
    checkEqual(field.value, '••••••••••••1111 exp ••/•• cvv ••• ok', 'all masked');
  });

  it('masks a pasted number at once, and the caret stays after the paste', async () => {
    const host = mount('<chatpay-card-masker><textarea aria-label="Message"></textarea></chatpay-card-masker>');
    const field = host.querySelector('textarea')!;
    const seen = detections(host);
    field.focus();
    await sendKeys({ type: 'pay with ' });
    await paste(field, '5555-5555-5555-4444');
    checkEqual(field.value, 'pay with ••••-••••-••••-4444', 'masked');
    checkEqual(field.selectionStart, 'pay with 5555-5555-5555-4444'.length, 'caret after the paste');
    checkEqual(seen[0]?.brand, 'mastercard', 'brand');
  });

  it('keeps the caret where it was when masking happens before it', async () => {
    const host = mount('<chatpay-card-masker><textarea aria-label="Message"></textarea></chatpay-card-masker>');
    const field = host.querySelector('textarea')!;
    field.focus();
    await sendKeys({ type: 'hello world' });
    field.setSelectionRange(6, 6);
    await paste(field, '4111111111111111 ');
    checkEqual(field.value, 'hello ••••••••••••1111 world', 'masked in the middle');
    checkEqual(field.selectionStart, 6 + 17, 'caret after the pasted text');
  });

  it('masks a number still being typed when Enter is pressed, before the host reads the value', async () => {
    const host = mount('<chatpay-card-masker><textarea aria-label="Message"></textarea></chatpay-card-masker>');
    const field = host.querySelector('textarea')!;
    let sent = '';
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') sent = field.value;
    });
    field.focus();
    await sendKeys({ type: '4111111111111111' });
    await sendKeys({ press: 'Enter' });
    checkEqual(sent, '••••••••••••1111', 'the host sends the masked text');
  });

  it('masks before a capturing host listener on the document reads the value on Enter', async () => {
    const host = mount('<chatpay-card-masker><textarea aria-label="Message"></textarea></chatpay-card-masker>');
    const field = host.querySelector('textarea')!;
    let sent = '';
    const read = (event: KeyboardEvent) => {
      if (event.key === 'Enter') sent = field.value;
    };
    document.addEventListener('keydown', read, true);
    field.focus();
    await sendKeys({ type: '4111111111111111' });
    await sendKeys({ press: 'Enter' });
    document.removeEventListener('keydown', read, true);
    checkEqual(sent, '••••••••••••1111', 'the host reads the masked text');
  });

  it('masks when a Send button that keeps the focus in the field is pressed', async () => {
    const host = mount('<chatpay-card-masker><input aria-label="Message"></chatpay-card-masker><button>Send</button>');
    const input = host.querySelector('input')!;
    const button = host.querySelector('button')!;
    button.addEventListener('mousedown', (event) => event.preventDefault());
    let sent = '';
    button.addEventListener('click', () => (sent = input.value));
    input.focus();
    await sendKeys({ type: '4111111111111111' });
    const box = button.getBoundingClientRect();
    button.dispatchEvent(
      new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: box.x + 1, clientY: box.y + 1 }),
    );
    button.click();
    checkEqual(document.activeElement, input, 'the field kept the focus');
    checkEqual(sent, '••••••••••••1111', 'the host reads the masked text');
  });

  it('leaves numbers that are not cards alone', async () => {
    const host = mount('<chatpay-card-masker><textarea aria-label="Message"></textarea></chatpay-card-masker>');
    const field = host.querySelector('textarea')!;
    field.focus();
    const text = 'order 1234567890123456, call +4411111111111111, https://x.io/4111111111111111 ';
    await sendKeys({ type: text });
    checkEqual(field.value, text, 'unchanged');
  });

  it('stops masking when detached, and re-attaches to a replaced input', async () => {
    const host = mount('<chatpay-card-masker><input aria-label="Message"></chatpay-card-masker>');
    const masker = host.querySelector<ChatPayCardMasker>('chatpay-card-masker')!;
    masker.remove();
    host.append(masker);
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'Message');
    masker.replaceChildren(input);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the MutationObserver's turn
    checkEqual(masker.field, input, 'follows the new input');
    input.focus();
    await sendKeys({ type: '4111111111111111 ok' });
    checkEqual(input.value, '••••••••••••1111 ok', 'masks the new input');
    masker.remove();
    input.value = '';
    document.body.append(input);
    input.focus();
    await sendKeys({ type: '4111111111111111 ok' });
    checkEqual(input.value, '4111111111111111 ok', 'no longer masked once the wrapper is gone');
  });
});

describe('attachCardMasker', () => {
  it('masks a contenteditable and keeps the caret', async () => {
    const host = mount('<div contenteditable="true" role="textbox" aria-label="Message"></div>');
    const editor = host.querySelector<HTMLElement>('[contenteditable]')!;
    const detach = attachCardMasker(editor);
    editor.focus();
    await sendKeys({ type: 'card 378282246310005 exp' });
    checkEqual(editor.textContent, 'card •••••••••••0005 exp', 'masked');
    await sendKeys({ type: 'X' });
    checkEqual(editor.textContent, 'card •••••••••••0005 expX', 'caret stayed at the end');
    detach();
  });

  it("works on an input inside another component's shadow root, and detaching restores normal behaviour", async () => {
    const host = mount('<div></div>');
    const root = host.firstElementChild!.attachShadow({ mode: 'open' });
    root.innerHTML = '<input aria-label="Message">';
    const input = root.querySelector('input')!;
    const seen = detections(host);
    const detach = attachCardMasker(input);
    input.focus();
    await sendKeys({ type: '4111111111111111 ok' });
    checkEqual(input.value, '••••••••••••1111 ok', 'masked');
    checkEqual(seen.length, 1, 'the event crosses the shadow boundary');
    detach();
    input.value = '';
    await sendKeys({ type: '4111111111111111 ok' });
    checkEqual(input.value, '4111111111111111 ok', 'not masked after detach');
  });

  it('never puts card digits in the event', async () => {
    const host = mount('<input aria-label="Message">');
    const input = host.querySelector('input')!;
    const events: string[] = [];
    host.addEventListener('chatpay-card-detected', (event) =>
      events.push(JSON.stringify((event as CustomEvent).detail)),
    );
    attachCardMasker(input);
    input.focus();
    await sendKeys({ type: '4111111111111111 ok' });
    check(events.length === 1, 'one event');
    check(!events[0]!.includes('411111'), 'no more than the last four');
  });

  it('masks an Arabic-Indic card pasted into a field', async () => {
    const host = mount('<input aria-label="Message">');
    const input = host.querySelector('input')!;
    attachCardMasker(input);
    input.focus();
    await paste(input, '٤٢٤٢ ٤٢٤٢ ٤٢٤٢ ٤٢٤٢');
    checkEqual(input.value, '•••• •••• •••• ٤٢٤٢', 'masked, length for length');
  });

  it('refuses a malformed card definition with a typed error, and masks with a good one', async () => {
    const host = mount('<input aria-label="Message">');
    const input = host.querySelector('input')!;
    const gift: CardDefinition = { brand: 'acme-gift', prefixes: ['7777'], lengths: [16], luhn: false };
    let error: unknown;
    try {
      attachCardMasker(input, { cards: [{ ...gift, prefixes: ['77a7'] }] });
    } catch (thrown) {
      error = thrown;
    }
    check(error instanceof CardDefinitionError, 'a CardDefinitionError');
    attachCardMasker(input, { cards: [gift] });
    input.focus();
    await paste(input, '7777 1234 5678 9012');
    checkEqual(input.value, '•••• •••• •••• 9012', 'the gift card is masked');
  });
});

describe('<chatpay-card-masker> before the chat sends', () => {
  const CARD = '4111 1111 1111 1111';
  const holdsCard = (text: string) => text.replace(/[\s-]/g, '').includes(CARD.replaceAll(' ', ''));

  /** Listeners this block adds to the window and the document, removed after each test. */
  const added: [EventTarget, (event: Event) => void][] = [];
  afterEach(() => {
    for (const [target, listener] of added.splice(0)) target.removeEventListener('keydown', listener, true);
  });

  /** A chat form whose Enter and Send handlers record what they read, in order, next to the masker's event. */
  function chat() {
    const host = mount(
      '<form><chatpay-card-masker><input aria-label="Message"></chatpay-card-masker><button>Send</button></form>',
    );
    const input = host.querySelector('input')!;
    const order: string[] = [];
    const reads: string[] = [];
    const read = (who: string) => (event?: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Enter') return;
      order.push(who);
      reads.push(input.value);
    };
    host.addEventListener('chatpay-card-detected', () => order.push('detected'));
    // The chat's own handlers, added once the masker is in the page: capturing ones on the window and
    // the document, one on the field, and the form's submit.
    for (const [target, who] of [
      [window, 'window capture'],
      [document, 'document capture'],
    ] as const) {
      const listener = read(who);
      target.addEventListener('keydown', listener, true);
      added.push([target, listener]);
    }
    input.addEventListener('keydown', read('field'));
    host.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      read('submit')();
    });
    return { host, input, order, reads };
  }

  it('masks and fires its event on Enter before any of the chat’s handlers reads the value', async () => {
    const { input, order, reads } = chat();
    input.focus();
    await sendKeys({ type: CARD });
    order.length = 0;
    reads.length = 0;
    await sendKeys({ press: 'Enter' });
    checkEqual(order[0], 'detected', 'the event first');
    checkEqual(order.slice(1), ['window capture', 'document capture', 'field', 'submit'], 'then the chat’s handlers');
    check(reads.length > 0 && reads.every((text) => !holdsCard(text)), 'no handler read the card number');
    check(
      reads.every((text) => text.includes('1111')),
      'each read the last four',
    );
  });

  it('masks and fires its event when Send is pressed, before the click handler reads the value', async () => {
    const { host, input, order, reads } = chat();
    input.focus();
    await sendKeys({ type: CARD });
    order.length = 0;
    reads.length = 0;
    const button = host.querySelector('button')!;
    const box = button.getBoundingClientRect();
    button.dispatchEvent(
      new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: box.x + 1, clientY: box.y + 1 }),
    );
    button.click();
    checkEqual(order[0], 'detected', 'the event first');
    checkEqual(order.at(-1), 'submit', 'then the form was sent');
    check(
      reads.every((text) => !holdsCard(text)),
      'the card number was not read',
    );
  });

  it('listens on the window in the capture phase', async () => {
    const added: [string, boolean][] = [];
    const original = window.addEventListener.bind(window);
    window.addEventListener = ((type: string, listener: EventListener, options?: boolean | AddEventListenerOptions) => {
      added.push([type, options === true || (typeof options === 'object' && options.capture === true)]);
      original(type, listener, options);
    }) as typeof window.addEventListener;
    try {
      mount('<chatpay-card-masker><input aria-label="Message"></chatpay-card-masker>');
    } finally {
      window.addEventListener = original;
    }
    checkEqual(
      added.filter(([type]) => type === 'keydown' || type === 'pointerdown'),
      [
        ['keydown', true],
        ['pointerdown', true],
      ],
      'keydown and pointerdown, capturing, on the window',
    );
  });
});
