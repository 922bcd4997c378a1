// The in-page half of scripts/bench-browser.mjs: what is timed and counted in Chromium. Each function
// is called by the script through window.chatpayBench and returns plain numbers.
import {
  createAgentSession,
  createCustomerSession,
  createMemoryTransportPair,
  type CustomerRequest,
} from '@chatpay/core';
import { ChatPayCardForm } from '../../packages/customer/src/card-form/card-form.element.js';
import '@chatpay/agent/define';
import '@chatpay/customer/define';
// The card form, which the bubble loads on demand, defined at once: its keystrokes are timed here.
import '../../packages/customer/src/card-form/card-form.define.js';
import { TEST_CARD } from '../../test-support/data.js';
import { agentTrust, customerTrust } from '../../test-support/trust.js';

/** A request the form can show: its amount only; paying is not timed here. */
const request = {
  terms: { amount: { minor: 1250, currency: 'USD' } },
  pay: () => Promise.resolve({ ok: true as const, value: undefined }),
} as unknown as Pick<CustomerRequest, 'terms' | 'pay'>;

const gc = () => (window as unknown as { gc?: () => void }).gc?.();
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** From `customElements.define` to the card form's first render (Lit's update complete), in ms. Once per page. */
async function firstRender(): Promise<number> {
  const start = performance.now();
  customElements.define('chatpay-card-form-timed', class extends ChatPayCardForm {});
  const form = document.createElement('chatpay-card-form-timed') as ChatPayCardForm;
  form.request = request;
  document.body.append(form);
  await form.updateComplete;
  const took = performance.now() - start;
  form.remove();
  return took;
}

/**
 * One keystroke in the card-number field, `cards` times 16 digits: the input event, imask's masking,
 * the field rules, and Lit's render of the form (to its update complete), in ms each.
 */
async function keystrokes(cards: number): Promise<number[]> {
  const form = document.querySelector('chatpay-card-form') ?? document.createElement('chatpay-card-form');
  form.request = request;
  document.body.append(form);
  await form.updateComplete;
  const input = form.shadowRoot!.querySelector<HTMLInputElement>('#number')!;
  input.focus();
  const times: number[] = [];
  for (let card = 0; card < cards; card++) {
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    await form.updateComplete;
    for (const digit of TEST_CARD.number) {
      const start = performance.now();
      input.value += digit;
      input.setSelectionRange(input.value.length, input.value.length);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: digit, inputType: 'insertText' }));
      await form.updateComplete;
      times.push(performance.now() - start);
    }
  }
  form.remove();
  return times;
}

/** Whole lifecycles with their elements shown, then removed and the requests forgotten; heap after each count, after GC. */
async function memory(counts: number[]): Promise<{ lifecycles: number; heap: number }[]> {
  const [agentEnd, customerEnd] = createMemoryTransportPair();
  // Vouched for by the tests' key, as in production: each lifecycle signs, vouches and checks as a real one does.
  const agent = createAgentSession({ ...agentTrust(), conversationId: 'bench', transport: agentEnd });
  const customer = createCustomerSession({ ...customerTrust(), conversationId: 'bench', transport: customerEnd });
  const heap = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  const results: { lifecycles: number; heap: number }[] = [];
  let done = 0;
  for (const count of counts) {
    for (; done < count; done++) {
      const sent = agent.createRequest();
      sent.review({ amount: { minor: 1250, currency: 'USD' }, reason: 'Bench' });
      sent.send();
      const chip = document.body.appendChild(document.createElement('chatpay-status-chip'));
      chip.request = sent;
      while (!customer.request(sent.requestId)) await tick();
      const peer = customer.request(sent.requestId)!;
      const bubble = document.body.appendChild(document.createElement('chatpay-payment-request'));
      bubble.request = peer;
      peer.open();
      await peer.pay(TEST_CARD);
      while (sent.timeline().phase !== 'cardSubmitted') await tick();
      await sent.viewCard();
      sent.complete();
      while (peer.timeline().phase !== 'completed') await tick();
      await chip.updateComplete;
      chip.remove();
      bubble.remove();
      agent.forget(sent.requestId);
      customer.forget(peer.requestId);
    }
    await tick();
    gc();
    await tick();
    gc();
    results.push({ lifecycles: count, heap: heap() });
  }
  return results;
}

(window as unknown as { chatpayBench: unknown }).chatpayBench = { firstRender, keystrokes, memory };
