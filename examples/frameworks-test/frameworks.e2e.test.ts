// Each integration example, built as its README says, served under a strict Content-Security-Policy,
// and used in Chromium through the whole flow: the agent's composer sends a request, the customer's
// bubble shows it, Enter Payment shows the card form (loaded on demand) and pays, VIEW CARD shows the
// card in the viewer (loaded on demand too), and Mark as Completed reaches the customer, through each
// framework's own wiring of properties and events.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../test-support/chromium.js';
import { TEST_CARD } from '../../test-support/data.js';
// @ts-expect-error: plain ES module scripts without types
import { build as buildPlain } from '../plain-html/build.mjs';
// @ts-expect-error: plain ES module scripts without types
import { build as buildReact } from '../react/build.mjs';
// @ts-expect-error: plain ES module scripts without types
import { build as buildVue } from '../vue/build.mjs';

type Files = Record<string, string>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

/**
 * The policy each example is served under: scripts from its own origin only (no inline script, no
 * eval), as a page that takes card numbers should be.
 */
const STRICT_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Serves built files from memory on a free port, under the strict policy. */
async function serve(files: Files): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const name = (request.url ?? '/').split('?')[0]!.replace(/^\//, '') || 'index.html';
    const body = files[name];
    if (body === undefined) return void response.writeHead(404).end();
    const type = name.endsWith('.js') ? 'text/javascript' : 'text/html';
    response.writeHead(200, { 'content-type': type, 'content-security-policy': STRICT_POLICY }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe.each([
  ['plain HTML, one ES module bundle', buildPlain, '€12.50'],
  ['React 19', buildReact, '$12.50'],
  ['Vue 3', buildVue, '$12.50'],
] as const)('the %s example', { timeout: 30_000 }, (_, build, amount) => {
  it('builds, and under a strict policy a request sent from the composer is paid, viewed and completed', async () => {
    const files = (await build(false)) as Files;
    expect(Object.keys(files)).toContain('index.html');
    const { url, server } = await serve(files);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) => {
        throw new Error(`policy violated: ${event.violatedDirective}`);
      }),
    );
    try {
      await page.goto(url);
      await page.locator('chatpay-request-composer #amount').pressSequentially('12.50');
      await page.locator('chatpay-request-composer #reason').fill('Replacement charger');
      await page.getByRole('button', { name: 'Request', exact: true }).click();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.locator('chatpay-status-chip').getByText('WAITING FOR CUSTOMER').first().waitFor();
      await page.locator('chatpay-payment-request').getByText(amount).waitFor();
      // The card form is loaded when first needed: inlined in a one-file bundle, a chunk otherwise.
      await page.getByRole('button', { name: 'Enter Payment' }).click();
      const form = page.locator('chatpay-card-form');
      await form.locator('#number').pressSequentially(TEST_CARD.number);
      await form.locator('#name').fill(TEST_CARD.name);
      await form.locator('#expiry').pressSequentially(TEST_CARD.expiry.replace('/', ''));
      await form.locator('#securityCode').pressSequentially(TEST_CARD.securityCode);
      await form.getByRole('button', { name: /^Pay/ }).click();
      // The card viewer is loaded when first needed too: inlined in a one-file bundle, a chunk otherwise.
      await page.locator('chatpay-status-chip').getByRole('button', { name: 'VIEW CARD' }).click();
      await page.locator('chatpay-card-viewer').getByText('4111 1111 1111 1111').waitFor();
      await page.locator('chatpay-card-viewer').getByRole('button', { name: 'Mark as Completed' }).click();
      await page.locator('chatpay-payment-request').getByText('Payment Accepted').waitFor();
      // Completed, the card has left the page.
      expect(await page.locator('chatpay-card-viewer').getByText('4111 1111 1111 1111').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      server.close();
    }
  });
});
