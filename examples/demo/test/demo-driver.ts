// Driving the demo in a browser as a person does: opening its pages, asking for a payment, paying.
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';

/** What `startDemo` resolves with, as the tests read it. */
export interface Demo {
  url: string;
  frames: { room: string; text: string; passed: boolean }[];
  close(): Promise<void>;
}

/** The test card, as the customer types it. */
export const CARD = { number: '4111111111111111', name: 'Ada Lovelace', expiry: '1230', code: '737' };

/** One side of the demo: a frame of the side-by-side page, or a page of its own. */
export type Side = FrameLocator | Locator;

/** The side-by-side page, or the two sides in two windows (each with its query string). */
export type Layout = 'side-by-side' | { agent: string; customer: string };

/** Opens the demo at `url` in `context`, laid out as `layout`. */
export async function openDemo(
  context: BrowserContext,
  url: string,
  layout: Layout,
): Promise<{ page: Page; agent: Side; customer: Side }> {
  if (layout === 'side-by-side') {
    const page = await context.newPage();
    await page.goto(`${url}/`);
    return { page, agent: page.frameLocator('#agent'), customer: page.frameLocator('#customer-frame') };
  }
  const [agentPage, customerPage] = [await context.newPage(), await context.newPage()];
  await agentPage.goto(`${url}/agent.html${layout.agent}`);
  await customerPage.goto(`${url}/customer.html${layout.customer}`);
  return { page: agentPage, agent: agentPage.locator(':root'), customer: customerPage.locator(':root') };
}

/** The agent asks for `amount` for `reason`, confirms, and sends. */
export async function requestPayment(agent: Side, amount = '12.50', reason = 'Replacement charger') {
  await agent.locator('chatpay-request-composer #amount').pressSequentially(amount);
  await agent.locator('chatpay-request-composer #reason').fill(reason);
  await agent.getByRole('button', { name: 'Request', exact: true }).click();
  await agent.getByRole('button', { name: 'Send', exact: true }).last().click();
}

/** The customer opens the request, types the test card and pays. */
export async function pay(customer: Side) {
  await customer.getByRole('button', { name: 'Enter Payment' }).click();
  const form = customer.locator('chatpay-card-form');
  await form.locator('#number').pressSequentially(CARD.number);
  await form.locator('#name').fill(CARD.name);
  await form.locator('#expiry').pressSequentially(CARD.expiry);
  await form.locator('#securityCode').pressSequentially(CARD.code);
  await form.getByRole('button', { name: /^Pay/ }).click();
}
