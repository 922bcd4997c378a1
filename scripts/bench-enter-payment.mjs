// Times, in Debian's Chromium (playwright-core), what the customer waits for after Enter Payment now that
// the card form is a chunk of its own: from the click to a focused card-number field, in the demo's
// customer page (its bundles split as an application's bundler splits them, served from this machine).
// Twice: with the chunk prefetched (the page fetches it on idle once a request is shown), and without
// (the prefetch is refused by the test's network, so the click fetches it). Each the median and p95 of
// 10 requests, each in a fresh browser context (no cache). A benchmark, not a test: nothing fails on time.
//   node scripts/bench-enter-payment.mjs   (part of: npm run bench)
/* global document, performance, requestAnimationFrame */
import os from 'node:os';
import { chromium } from 'playwright-core';
import { startDemo } from '../examples/demo/server.mjs';
import { pathOf } from './lib/engines.mjs';

const ROUNDS = 10;
const FORM_CHUNK = /\/chunks\/card-form\.define-[\w-]+\.js$/;

const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const ms = (value) => `${value.toFixed(1)} ms`;

const demo = await startDemo({ port: 0, relayPort: 0, log: () => {} });
const browser = await chromium.launch({ executablePath: pathOf('chromium'), args: ['--no-sandbox', '--disable-gpu'] });

/** One request, answered in a fresh context; resolves to the ms from the click to the focused field. */
async function round(prefetched, index) {
  const context = await browser.newContext();
  try {
    let clicked = false;
    let prefetches = 0;
    await context.route(FORM_CHUNK, (route) => {
      prefetches += clicked ? 0 : 1;
      return prefetched || clicked ? route.continue() : route.abort();
    });
    const agent = await context.newPage();
    await agent.goto(`${demo.url}/agent.html`);
    const customer = await context.newPage();
    await customer.goto(`${demo.url}/customer.html?conversation=c-1`);
    await agent.locator('chatpay-request-composer #amount').pressSequentially('1');
    await agent.locator('chatpay-request-composer #reason').fill(`Bench ${index}`);
    await agent.getByRole('button', { name: 'Request', exact: true }).click();
    await agent.getByRole('button', { name: 'Send', exact: true }).last().click();
    const enter = customer.locator('chatpay-payment-request').last().getByRole('button', { name: 'Enter Payment' });
    await enter.waitFor();
    // The idle prefetch: let it happen (and, prefetched, settle), up to 2 s.
    for (let waited = 0; prefetches === 0 && waited < 2_000; waited += 20) await customer.waitForTimeout(20);
    await customer.waitForLoadState('networkidle');
    // Timed in the page: from the click's event to the first frame with the focus, followed through
    // shadow roots, on the card-number field (to a frame, about 16 ms).
    const timing = customer.evaluate(
      () =>
        new Promise((resolve) => {
          const focused = () => {
            let active = document.activeElement;
            while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
            return active?.id === 'number';
          };
          const clicked = (event) => {
            const check = () =>
              focused() ? resolve(performance.now() - event.timeStamp) : requestAnimationFrame(check);
            check();
          };
          document.addEventListener('click', clicked, { capture: true, once: true });
        }),
    );
    clicked = true;
    await enter.click();
    return { ms: await timing, prefetches };
  } finally {
    await context.close();
  }
}

try {
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores; ${browser.version()} (headless)`,
  );
  for (const prefetched of [true, false]) {
    const times = [];
    let refused = 0;
    for (let index = 0; index < ROUNDS; index++) {
      const { ms: time, prefetches } = await round(prefetched, index);
      times.push(time);
      refused += prefetched ? 0 : prefetches;
    }
    console.log(
      `Enter Payment to a focused card-number field, card form chunk ${prefetched ? 'prefetched' : 'not prefetched'}, ` +
        `${ROUNDS} requests: median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}` +
        (prefetched ? '' : ` (${refused} prefetches refused)`),
    );
  }
} finally {
  await browser.close();
  await demo.close();
}
