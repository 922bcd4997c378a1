// The customer's chat: message history, a chat box wrapped by the card masker, and payment requests
// as they arrive. Up front it loads only the masker, the transport and the watch for a request
// (`@chatpay/core/wire`); the session and the elements (`customer-side.ts`) load with the first
// request, or with the first card typed into the chat box, for "Pay securely instead?".
import { watchForRequests } from '@chatpay/core/wire';
import '@chatpay/masker/define';
import { keepNewestInView } from './newest-in-view.js';
import { chatChannel, chatLine, CONVERSATIONS, HISTORY, paymentTransport } from './wire.js';

const id = new URLSearchParams(location.search).get('conversation') ?? CONVERSATIONS[0]!.id;
const me = CONVERSATIONS.find((conversation) => conversation.id === id)?.customer ?? 'Customer';
document.querySelector('#customer-name')!.textContent = me;
const history = document.querySelector<HTMLOListElement>('#history')!;
const form = document.querySelector<HTMLFormElement>('#customer-chat')!;
// The messages scroll (the chat box stays in view), keeping to the newest.
keepNewestInView(document.querySelector('main')!).follow(history);
for (const line of HISTORY[id] ?? []) {
  history.append(chatLine(line.from === 'agent' ? 'Agent' : me, line.text, line.from !== 'agent'));
}

const say = chatChannel(id, (from, text) => history.append(chatLine(from, text, false)));
// #region watch
const watch = watchForRequests(paymentTransport(id, 'customer'));
let side: Promise<void> | undefined;
/** Loads the customer's side once; a load that fails is said in the chat, and tried again next time. */
const loadSide = () =>
  (side ??= import('./customer-side.js')
    .then(({ startCustomerSide }) => startCustomerSide(id, watch.transport, history))
    .catch((error: unknown) => {
      side = undefined;
      history.append(chatLine('ChatPay', 'The payment request could not be loaded. Reload the page to see it.', false));
      throw error;
    }));
watch.requested.then(loadSide).catch(() => undefined);
// #endregion watch
// A card masked before the offer was loaded: the offer hears it again (brand and last four only) once it is.
const masker = document.querySelector('chatpay-card-masker')!;
masker.addEventListener('chatpay-card-detected', (event) => {
  if (customElements.get('chatpay-pay-securely-offer')) return;
  const { detail } = event as CustomEvent<{ brand: string; lastFour: string }>;
  loadSide()
    .then(() =>
      masker.dispatchEvent(new CustomEvent('chatpay-card-detected', { detail, bubbles: true, composed: true })),
    )
    .catch(() => undefined);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = form.querySelector('input')!;
  // The masker has already masked any card number, before this handler reads the value.
  if (!input.value.trim()) return;
  say(me, input.value);
  history.append(chatLine(me, input.value, true));
  input.value = '';
});
