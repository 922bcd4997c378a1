// Reloads, late joins, a second tab and a second device, through the demo in Debian's Chromium: the
// relay keeps each conversation's log, the agent's keys wait in IndexedDB, and nothing is lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../test-support/chromium.js';
// @ts-expect-error: a plain ES module script without types
import { startDemo } from '../server.mjs';

interface Demo {
  url: string;
  frames: { text: string }[];
  close(): Promise<void>;
}

const CARD = { number: '4111111111111111', name: 'Ada Lovelace', expiry: '1230', code: '737' };
let demo: Demo;
let browser: Browser;
let context: BrowserContext;

// A demo of its own for each test: its relay's log starts empty.
beforeEach(async () => {
  demo = (await startDemo({ port: 0, relayPort: 0, log: () => {} })) as Demo;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
}, 60_000);

afterEach(async () => {
  await browser?.close();
  await demo?.close();
});

async function agentPage(on: BrowserContext = context): Promise<Page> {
  const page = await on.newPage();
  await page.goto(`${demo.url}/agent.html`);
  await page.locator('chatpay-request-composer #amount').waitFor();
  return page;
}

async function customerPage(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${demo.url}/customer.html`);
  await page.locator('#customer-chat').waitFor();
  return page;
}

async function requestPayment(agent: Page) {
  await agent.locator('chatpay-request-composer #amount').pressSequentially('12.50');
  await agent.locator('chatpay-request-composer #reason').fill('Replacement charger');
  await agent.getByRole('button', { name: 'Request', exact: true }).click();
  await agent.getByRole('button', { name: 'Send', exact: true }).last().click();
  await agent.getByText('WAITING FOR CUSTOMER').first().waitFor();
}

async function typeCard(customer: Page, { all = true } = {}) {
  await customer.getByRole('button', { name: 'Enter Payment' }).last().click();
  const form = customer.locator('chatpay-card-form').last();
  await form.locator('#number').pressSequentially(CARD.number);
  if (!all) return;
  await form.locator('#name').fill(CARD.name);
  await form.locator('#expiry').pressSequentially(CARD.expiry);
  await form.locator('#securityCode').pressSequentially(CARD.code);
}

async function pay(customer: Page) {
  await typeCard(customer);
  await customer.locator('chatpay-card-form').last().getByRole('button', { name: /^Pay/ }).click();
  await customer.getByText('Sent. Waiting for the agent.').last().waitFor();
}

/** Opens the card in the agent's console and checks it is the card the customer typed. */
async function viewCard(agent: Page) {
  await agent
    .getByRole('button', { name: /VIEW CARD/ })
    .last()
    .click();
  const values = agent.locator('chatpay-card-viewer .value');
  await values.first().waitFor();
  expect(await values.allTextContents()).toEqual(['4111 1111 1111 1111', CARD.name, '12/30', CARD.code, 'Visa']);
}

async function complete(agent: Page, customer: Page) {
  await agent.getByRole('button', { name: 'Mark as Completed' }).last().click();
  await customer.getByText('Payment Accepted').last().waitFor();
}

describe('reloading the demo at every point of the flow', { timeout: 60_000 }, () => {
  it('the agent reloads while waiting: the chip comes back, and the card paid afterwards opens', async () => {
    const agent = await agentPage();
    const customer = await customerPage();
    await requestPayment(agent);
    await agent.reload();
    await agent.getByText('WAITING FOR CUSTOMER').first().waitFor();
    await pay(customer);
    await viewCard(agent);
    await complete(agent, customer);
  });

  it('the agent reloads after the customer paid: VIEW CARD is back and the card opens', async () => {
    const agent = await agentPage();
    const customer = await customerPage();
    await requestPayment(agent);
    await pay(customer);
    await agent
      .getByRole('button', { name: /VIEW CARD/ })
      .last()
      .waitFor();
    await agent.reload();
    await viewCard(agent);
    await complete(agent, customer);
  });

  it('the agent reloads while viewing: the card is not shown again, and the request can still be completed', async () => {
    const agent = await agentPage();
    const customer = await customerPage();
    await requestPayment(agent);
    await pay(customer);
    await viewCard(agent);
    await agent.reload();
    await agent
      .getByText(/Card already viewed on this device/)
      .first()
      .waitFor();
    await expect.poll(() => agent.locator('chatpay-card-viewer').count()).toBe(0);
    await complete(agent, customer);
  });

  it('the customer reloads before paying and while typing the card: the request is back, the form empty and saying why', async () => {
    const agent = await agentPage();
    const customer = await customerPage();
    await requestPayment(agent);
    await customer.getByRole('button', { name: 'Enter Payment' }).waitFor();
    await customer.reload();
    await typeCard(customer, { all: false });
    await customer.reload();
    await customer.getByText(/your card details were not kept/).waitFor();
    await expect.poll(() => customer.locator('chatpay-card-form #number').inputValue()).toBe('');
    const form = customer.locator('chatpay-card-form').last();
    await form.locator('#number').pressSequentially(CARD.number);
    await form.locator('#name').fill(CARD.name);
    await form.locator('#expiry').pressSequentially(CARD.expiry);
    await form.locator('#securityCode').pressSequentially(CARD.code);
    await form.getByRole('button', { name: /^Pay/ }).click();
    await viewCard(agent);
    await complete(agent, customer);
    // Nothing the customer typed was kept anywhere the page can read.
    const stored = await customer.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).not.toContain(CARD.number);
  });

  it('the customer reloads after paying, and a customer who joins after the request was sent sees it', async () => {
    const agent = await agentPage();
    await requestPayment(agent);
    const customer = await customerPage();
    await pay(customer);
    await customer.reload();
    await customer.getByText('Sent. Waiting for the agent.').waitFor();
    await viewCard(agent);
    await complete(agent, customer);
  });

  it('two tabs of the agent: the second says where the card opens, and takes over when the first closes', async () => {
    const first = await agentPage();
    const customer = await customerPage();
    await requestPayment(first);
    const second = await agentPage();
    await second
      .getByText(/Open in your other tab/)
      .first()
      .waitFor();
    await pay(customer);
    await first
      .getByRole('button', { name: /VIEW CARD/ })
      .last()
      .waitFor();
    await first.close();
    await viewCard(second);
    await complete(second, customer);
  });

  it("a second device without the key: can't be opened here, and Send new request replaces it for the customer", async () => {
    const agent = await agentPage();
    const customer = await customerPage();
    await requestPayment(agent);
    const elsewhere = await browser.newContext();
    const device = await agentPage(elsewhere);
    await device
      .getByText(/Can't be opened here/)
      .first()
      .waitFor();
    await device.getByRole('button', { name: 'Send new request' }).first().click();
    await customer.getByText('The agent sent a new request in place of this one').waitFor();
    await expect.poll(() => customer.getByRole('button', { name: 'Enter Payment' }).count()).toBe(1);
    await elsewhere.close();
  });

  it('the demo keeps its requests across its own switches, and shows the failing switch as it is after a reload', async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}/`);
    const agent = page.frameLocator('#agent');
    await agent.locator('chatpay-request-composer #amount').pressSequentially('12.50');
    await agent.locator('chatpay-request-composer #reason').fill('Replacement charger');
    await agent.getByRole('button', { name: 'Request', exact: true }).click();
    await agent.getByRole('button', { name: 'Send', exact: true }).last().click();
    await agent.getByText('WAITING FOR CUSTOMER').first().waitFor();
    // Each switch loads the frames again: the request comes back from the relay's log.
    await page.getByLabel('Time limits').selectOption({ index: 1 });
    await page.frameLocator('#agent').getByText('WAITING FOR CUSTOMER').first().waitFor();
    await page.getByLabel('Customer').selectOption('c-2');
    await page.getByLabel('Customer').selectOption('c-1');
    await page.frameLocator('#customer-frame').getByRole('button', { name: 'Enter Payment' }).waitFor();
    await page.getByLabel('Relay fails every send').check();
    await expect.poll(async () => (await fetch(`${demo.url}/control/failing`)).text()).toBe('on');
    await page.reload();
    await expect.poll(() => page.getByLabel('Relay fails every send').isChecked()).toBe(true);
    await page.getByLabel('Relay fails every send').uncheck();
  });
});
