// The whole flow through the demo, in Debian's Chromium driven by playwright-core, as a person clicks.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../../../test-support/chromium.js';
// @ts-expect-error: a plain ES module script without types
import { startDemo } from '../server.mjs';
import { CARD, openDemo, pay, requestPayment, type Demo, type Layout } from './demo-driver.js';

let demo: Demo;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  demo = (await startDemo({ port: 0, relayPort: 0, log: () => {} })) as Demo;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

afterEach(async () => {
  await context?.close();
  await fetch(`${demo.url}/control/failing`, { method: 'POST', body: 'off' });
});

/** The side-by-side page, or the two sides in two windows. */
async function open(layout: Layout) {
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return openDemo(context, demo.url, layout);
}

const wire = () => demo.frames.map((frame) => frame.text).join('\n');

function expectNoCardOnTheWire() {
  const seen = wire();
  expect(seen.length).toBeGreaterThan(0);
  for (const secret of [CARD.number, '4111 1111', CARD.name, '12/30', 'securityCode'])
    expect(seen).not.toContain(secret);
}

describe('the demo, end to end', { timeout: 30_000 }, () => {
  it('requests, pays, shows the card to the agent as typed, completes, and the relay sees ciphertext only', async () => {
    const { agent, customer } = await open('side-by-side');
    await requestPayment(agent);
    await agent.getByText('WAITING FOR CUSTOMER').first().waitFor();
    await customer.getByText('$12.50').waitFor();
    await pay(customer);
    await customer.getByText('Sent. Waiting for the agent.').waitFor();
    await agent.getByRole('button', { name: 'VIEW CARD' }).click();
    const values = agent.locator('chatpay-card-viewer .value');
    await values.first().waitFor();
    expect(await values.allTextContents()).toEqual(['4111 1111 1111 1111', CARD.name, '12/30', CARD.code, 'Visa']);
    await agent.getByRole('button', { name: 'Mark as Completed' }).click();
    await customer.getByText('Payment Accepted').waitFor();
    await agent.getByText('COMPLETED').first().waitFor();
    expect(await agent.locator('chatpay-card-viewer .value').count()).toBe(0);
    expect(demo.frames.some((frame) => frame.text.includes('"request.submitted"'))).toBe(true);
    expectNoCardOnTheWire();
  });

  it("loads the customer's session with the first request, its card form once it is shown, and the agent's card viewer once a card arrives, under a strict policy", async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const fetched: string[] = [];
    context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await context.addInitScript(() => {
      const violations: string[] = [];
      Object.assign(window, { violations });
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    });
    const { page, agent, customer } = await openDemo(context, demo.url, { agent: '', customer: '?conversation=c-3' });
    const customerPage = context.pages()[1]!;
    await customer.getByText('Can I pay the outstanding invoice here?').waitFor();
    const formChunk = (path: string) => /^\/chunks\/card-form\.define-[\w-]+\.js$/.test(path);
    const sideChunk = (path: string) => /^\/chunks\/customer-side-[\w-]+\.js$/.test(path);
    const viewerChunk = (path: string) => /^\/chunks\/card-viewer\.define-[\w-]+\.js$/.test(path);
    expect(fetched.filter(formChunk)).toEqual([]);
    // Before any request the chat has the masker and the transport only: no session, no elements.
    expect(fetched.filter(sideChunk)).toEqual([]);
    expect(await customerPage.evaluate(() => customElements.get('chatpay-payment-request') === undefined)).toBe(true);
    await agent.getByRole('button', { name: /Katherine Johnson/ }).click();
    await requestPayment(agent, '3.20', 'Invoice');
    await customer.getByText('$3.20').waitFor();
    expect(fetched.filter(sideChunk)).toHaveLength(1);
    // No card to view yet: the agent's console has not fetched its card viewer.
    expect(fetched.filter(viewerChunk)).toEqual([]);
    expect(await page.evaluate(() => customElements.get('chatpay-card-viewer') === undefined)).toBe(true);
    await pay(customer);
    await customer.getByText('Sent. Waiting for the agent.').waitFor();
    expect(fetched.filter(formChunk)).toHaveLength(1);
    await agent.getByRole('button', { name: 'VIEW CARD' }).click();
    await agent.locator('chatpay-card-viewer .value').first().waitFor();
    expect(fetched.filter(viewerChunk)).toHaveLength(1);
    await agent.getByRole('button', { name: 'Mark as Completed' }).click();
    await customer.getByText('Payment Accepted').waitFor();
    const response = await page.request.get(`${demo.url}/customer.html`);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self';");
    for (const side of [page, customerPage])
      expect(await side.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });

  it('shows the customer declining, in two separate windows', async () => {
    const { agent, customer } = await open({ agent: '', customer: '?conversation=c-2' });
    await agent.getByRole('button', { name: /Alan Turing/ }).click();
    await requestPayment(agent, '5', 'Postage');
    await customer.getByRole('button', { name: 'Decline', exact: true }).click();
    // Declining is asked once more before it is done.
    await customer.getByRole('button', { name: 'Yes, decline' }).click();
    await customer.getByText('You declined this payment').waitFor();
    await agent.getByText('CUSTOMER DECLINED PAYMENT').first().waitFor();
  });

  it('expires a request at its deadline, with short time limits', async () => {
    const { agent, customer } = await open({ agent: '?ttl=3000&view=3000', customer: '?conversation=c-1' });
    await requestPayment(agent, '7', 'Short-lived request');
    await customer.getByText('$7.00').waitFor();
    await agent.getByText('REQUEST EXPIRED').first().waitFor({ timeout: 15_000 });
    await customer.getByText('This request has expired').waitFor();
    expect(await customer.getByRole('button', { name: 'Enter Payment' }).count()).toBe(0);
  });

  it('shows TRY AGAIN while the relay fails, and the retry goes through once it recovers', async () => {
    const { page, agent, customer } = await open('side-by-side');
    await page.getByLabel('Relay fails every send').check();
    await expect.poll(() => fetch(`${demo.url}/`).then((r) => r.ok)).toBe(true);
    await requestPayment(agent, '9.99', 'Retry me');
    await agent.getByRole('button', { name: 'TRY AGAIN' }).waitFor();
    expect(await customer.getByText('$9.99').count()).toBe(0);
    await page.getByLabel('Relay fails every send').uncheck();
    await agent.getByRole('button', { name: 'TRY AGAIN' }).click();
    await agent.getByText('WAITING FOR CUSTOMER').first().waitFor();
    await customer.getByText('$9.99').waitFor();
  });

  it('masks a card number typed in the ordinary chat before it leaves the customer', async () => {
    const { agent, customer } = await open('side-by-side');
    const box = customer.locator('#customer-chat input');
    await box.pressSequentially('my card is 4111 1111 1111 1111, exp 12/30');
    await box.press('Enter');
    await agent.getByText('my card is •••• •••• •••• 1111').waitFor();
    const chat = demo.frames.filter((frame) => frame.room.startsWith('chat-'));
    expect(chat.length).toBeGreaterThan(0);
    expectNoCardOnTheWire();
  });

  it('offers the secure form for a card typed in the chat, and the agent sees the ask to pay by card', async () => {
    // A conversation no earlier test asked a payment in: no request waits, so the offer asks the agent.
    const { agent, customer } = await open({ agent: '', customer: '?conversation=c-3' });
    await agent.getByRole('button', { name: /Katherine Johnson/ }).click();
    const box = customer.locator('#customer-chat input');
    await box.pressSequentially('my card is 4111 1111 1111 1111');
    await box.press('Enter');
    await customer.getByRole('region', { name: 'Pay securely instead?' }).waitFor();
    await customer.getByRole('button', { name: 'Ask for the secure form' }).click();
    await agent.getByText('The customer would like to pay by card.').waitFor();
    await agent.getByRole('button', { name: 'Start a card request' }).click();
    const composer = agent.locator('chatpay-request-composer');
    await expect.poll(() => composer.evaluate((element) => element.ownerDocument.activeElement === element)).toBe(true);
    expect(wire()).toContain('payment.asked');
    expectNoCardOnTheWire();
  });

  it('switches both sides to Arabic, right to left, and to the worked theme', async () => {
    const { page, agent, customer } = await open('side-by-side');
    await page.getByLabel('Language').selectOption('ar');
    await page.getByLabel('Acme theme').check();
    await agent.getByRole('heading', { name: 'طلب دفع بالبطاقة' }).waitFor();
    for (const frame of ['#agent', '#customer-frame']) {
      const root = page.frameLocator(frame).locator(':root');
      await expect.poll(() => root.getAttribute('dir')).toBe('rtl');
      await expect.poll(() => root.getAttribute('class')).toBe('acme-chat');
    }
    const accent = agent.locator('chatpay-request-composer [part~="request"]');
    await expect
      .poll(() => accent.evaluate((button) => getComputedStyle(button).backgroundColor))
      .toBe('rgb(109, 40, 217)');
    await agent.locator('chatpay-request-composer #amount').pressSequentially('12.50');
    await agent.locator('chatpay-request-composer #reason').fill('Replacement charger');
    await agent.locator('chatpay-request-composer [part~="request"]').click();
    await agent.locator('chatpay-request-composer [part~="send"]').click();
    // Earlier tests' requests come back from the conversation's history: this one is the last.
    await customer.getByRole('button', { name: 'إدخال الدفع' }).last().waitFor();
  });

  it("says in the chat when the customer's side cannot be loaded, and shows the request after a reload", async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // The chunk with the session and the elements does not load, as on a network that drops it.
    const sideChunk = /\/chunks\/customer-side-[\w-]+\.js$/;
    await context.route(sideChunk, (route) => route.abort());
    const { agent, customer } = await openDemo(context, demo.url, { agent: '', customer: '?conversation=c-2' });
    const customerPage = context.pages()[1]!;
    await agent.getByRole('button', { name: /Alan Turing/ }).click();
    await requestPayment(agent, '4.40', 'Unloadable at first');
    await agent.getByText('WAITING FOR CUSTOMER').last().waitFor();
    await customer.getByText('The payment request could not be loaded. Reload the page to see it.').first().waitFor();
    expect(await customerPage.evaluate(() => customElements.get('chatpay-payment-request') === undefined)).toBe(true);
    await context.unroute(sideChunk);
    await customerPage.reload();
    await customer.getByText('$4.40').waitFor();
    await customer.getByRole('button', { name: 'Enter Payment' }).last().waitFor();
    expect(await customer.getByText('The payment request could not be loaded.', { exact: false }).count()).toBe(0);
  });
});
