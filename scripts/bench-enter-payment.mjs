// Times, in Debian's Chromium (playwright-core), what each side waits for now that its card part is a
// chunk of its own, in the demo (its bundles split as an application's bundler splits them, served
// from this machine): the customer, from Enter Payment to a focused card-number field (the card form's
// chunk); the agent, from VIEW CARD to the card's number on screen (the card viewer's chunk). Each
// twice: with the chunk prefetched (the page fetches it on idle once Enter Payment or VIEW CARD is
// offered), and without (the prefetch is refused by the test's network, so the click fetches it). Each
// the median and p95 of 10 requests, each in a fresh browser context (no cache). A benchmark, not a
// test: nothing fails on time.
//   node scripts/bench-enter-payment.mjs   (part of: npm run bench)
/* global document, performance, requestAnimationFrame */
import os from 'node:os';
import { chromium } from 'playwright-core';
import { startDemo } from '../examples/demo/server.mjs';
import { pathOf } from './lib/engines.mjs';

const ROUNDS = 10;
const FORM_CHUNK = /\/chunks\/card-form\.define-[\w-]+\.js$/;
const VIEWER_CHUNK = /\/chunks\/card-viewer\.define-[\w-]+\.js$/;
/**
 * The demo's customer pays with a published test card (the same as test-support/data.ts's); the
 * benchmark prints timings only, never the card, and ships nowhere.
 */
const CARD = { number: '4111111111111111', name: 'Ada Lovelace', expiry: '1230', code: '737' };
/** The number as the viewer shows it, grouped in fours. */
const SHOWN = CARD.number.replace(/\d{4}(?=\d)/g, '$& ');

const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const ms = (value) => `${value.toFixed(1)} ms`;

const demo = await startDemo({ port: 0, relayPort: 0, log: () => {} });
const browser = await chromium.launch({ executablePath: pathOf('chromium'), args: ['--no-sandbox', '--disable-gpu'] });

/**
 * Resolves, in the page, to the ms from the next click's event to the first frame (to a frame, about
 * 16 ms) in which the card-number field has the focus (`focus`), or a card viewer shows the test card's
 * number (`card`), each followed through shadow roots.
 */
const timeFromClick = (page, until) =>
  page.evaluate(
    ({ until, shown }) =>
      new Promise((resolve) => {
        const focused = () => {
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          return active?.id === 'number';
        };
        const showing = (root) =>
          [...root.querySelectorAll('*')].some(
            (element) =>
              element.shadowRoot !== null &&
              (element.shadowRoot.textContent.includes(shown) || showing(element.shadowRoot)),
          );
        const reached = until === 'focus' ? focused : () => showing(document);
        const clicked = (event) => {
          const check = () => (reached() ? resolve(performance.now() - event.timeStamp) : requestAnimationFrame(check));
          check();
        };
        document.addEventListener('click', clicked, { capture: true, once: true });
      }),
    { until, shown: SHOWN },
  );

/**
 * One request in a fresh context, `chunk` let through (`prefetched`) or refused until the click; the
 * agent asks, and the side measured waits for its part from its click. Resolves to `{ ms, prefetches }`.
 */
async function round({ chunk, side, prefetched, index }) {
  const context = await browser.newContext();
  try {
    let clicked = false;
    let prefetches = 0;
    await context.route(chunk, (route) => {
      prefetches += clicked ? 0 : 1;
      return prefetched || clicked ? route.continue() : route.abort();
    });
    const agent = await context.newPage();
    await agent.goto(`${demo.url}/agent.html`);
    const customer = await context.newPage();
    await customer.goto(`${demo.url}/customer.html?conversation=c-1`);
    await agent.locator('chatpay-request-composer #amount').pressSequentially('1');
    // Earlier rounds' requests come back from the conversation's history: each round's has a reason of its own.
    const reason = `Bench ${side} ${prefetched ? 'prefetched' : 'fetched'} ${index}`;
    await agent.locator('chatpay-request-composer #reason').fill(reason);
    await agent.getByRole('button', { name: 'Request', exact: true }).click();
    await agent.getByRole('button', { name: 'Send', exact: true }).last().click();
    const bubble = customer.locator('chatpay-payment-request', { hasText: reason });
    const enter = bubble.getByRole('button', { name: 'Enter Payment' });
    await enter.waitFor();
    const page = side === 'customer' ? customer : agent;
    const viewCard = agent
      .locator('chatpay-status-chip', { hasText: reason })
      .getByRole('button', { name: 'VIEW CARD' });
    if (side === 'agent') {
      await enter.click();
      const form = bubble.locator('chatpay-card-form');
      await form.locator('#number').pressSequentially(CARD.number);
      await form.locator('#name').fill(CARD.name);
      await form.locator('#expiry').pressSequentially(CARD.expiry);
      await form.locator('#securityCode').pressSequentially(CARD.code);
      await form.getByRole('button', { name: /^Pay/ }).click();
      await viewCard.waitFor();
    }
    // The idle prefetch: let it happen (and, prefetched, settle), up to 2 s.
    for (let waited = 0; prefetches === 0 && waited < 2_000; waited += 20) await page.waitForTimeout(20);
    await page.waitForLoadState('networkidle');
    // The side measured is the window the person looks at: the viewer shows a card only in a focused window.
    await page.bringToFront();
    const timing = timeFromClick(page, side === 'customer' ? 'focus' : 'card');
    clicked = true;
    await (side === 'customer' ? enter : viewCard).click();
    const time = await timing;
    // Cancelled, so that it no longer counts among the conversation's live requests (16 at most).
    const chip = agent.locator('chatpay-status-chip', { hasText: reason });
    if (side === 'agent') await agent.keyboard.press('Escape');
    await chip.getByRole('button', { name: 'Cancel request' }).click();
    await chip.getByRole('button', { name: 'Yes, cancel' }).click();
    await chip.getByRole('button', { name: 'Cancel request' }).waitFor({ state: 'detached' });
    return { ms: time, prefetches };
  } finally {
    await context.close();
  }
}

const MEASURED = [
  { side: 'customer', chunk: FORM_CHUNK, what: 'Enter Payment to a focused card-number field', part: 'card form' },
  { side: 'agent', chunk: VIEWER_CHUNK, what: "VIEW CARD to the card's number on screen", part: 'card viewer' },
];

try {
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores; ${browser.version()} (headless)`,
  );
  for (const { side, chunk, what, part } of MEASURED) {
    for (const prefetched of [true, false]) {
      const times = [];
      let refused = 0;
      for (let index = 0; index < ROUNDS; index++) {
        const { ms: time, prefetches } = await round({ chunk, side, prefetched, index });
        times.push(time);
        refused += prefetched ? 0 : prefetches;
      }
      console.log(
        `${what}, ${part} chunk ${prefetched ? 'prefetched' : 'not prefetched'}, ` +
          `${ROUNDS} requests: median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}` +
          (prefetched ? '' : ` (${refused} prefetches refused)`),
      );
    }
  }
} finally {
  await browser.close();
  await demo.close();
}
