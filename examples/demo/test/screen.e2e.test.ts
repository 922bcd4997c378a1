// The demo on a laptop's screen (1366×768), in Debian's Chromium driven by playwright-core: one
// conversation drawn at a time, the composer on the screen without scrolling, the newest line in view,
// and the banner and the green dot as docs/getting-started.md walks through them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../../test-support/chromium.js';
// @ts-expect-error: a plain ES module script without types
import { startDemo } from '../server.mjs';
import { openDemo, pay, requestPayment, type Demo, type Layout, type Side } from './demo-driver.js';

const SCREEN = { width: 1366, height: 768 };
const AGENT_ALONE: Layout = { agent: '', customer: '?conversation=c-1' };

let demo: Demo;
let browser: Browser;
let context: BrowserContext;

// A demo of its own: the conversations start with no requests, as a newcomer finds them.
beforeAll(async () => {
  demo = (await startDemo({ port: 0, relayPort: 0, log: () => {} })) as Demo;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

afterEach(() => context?.close());

/** The demo at 1366×768, once the agent's console is ready. */
async function open(layout: Layout) {
  context = await browser.newContext({ viewport: SCREEN });
  const opened = await openDemo(context, demo.url, layout);
  await opened.agent.locator('chatpay-request-composer #amount').waitFor();
  return opened;
}

/** The conversations whose timeline the agent's console draws. */
const drawnTimelines = (agent: Side) =>
  agent
    .locator('ol.timeline')
    .evaluateAll((lists) => lists.filter((list) => list.checkVisibility()).map((list) => list.dataset.conversation));

/** Where the page and the agent's document are scrolled to: [x, y] each. */
const scrolled = async (page: Page, agent: Side) => [
  await page.evaluate(() => [scrollX, scrollY]),
  await agent.locator('body').evaluate(() => [scrollX, scrollY]),
];

/** Whether all of `element` lies inside the screen, as the page is drawn now. */
async function onScreen(element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  return (
    box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= SCREEN.width && box.y + box.height <= SCREEN.height
  );
}

/** Whether all of `element` lies inside what `scroller` shows now. */
async function shownIn(element: Locator, scroller: Locator): Promise<boolean> {
  const [box, area] = [await element.boundingBox(), await scroller.boundingBox()];
  return (
    box !== null &&
    area !== null &&
    box.y >= area.y - 1 &&
    box.y + box.height <= area.y + area.height + 1 &&
    box.height > 0
  );
}

describe('the demo at 1366×768', { timeout: 30_000 }, () => {
  it('draws one conversation at a time: the one chosen in the list', async () => {
    const { agent } = await open('side-by-side');
    await agent.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    expect(await drawnTimelines(agent)).toEqual(['c-1']);
    await agent.getByRole('button', { name: /Alan Turing/ }).click();
    await agent.getByRole('heading', { name: 'Alan Turing' }).waitFor();
    expect(await drawnTimelines(agent)).toEqual(['c-2']);
    expect(await agent.getByText('Hello, I would like to renew my subscription.').isVisible()).toBe(true);
    expect(await agent.getByText('Yes please, I can pay now.').isVisible()).toBe(false);
  });

  it.each([
    ['side by side', 'side-by-side' as const],
    ['in its own window', AGENT_ALONE],
  ])('shows the composer’s Request button without scrolling, %s', async (_, layout) => {
    const { page, agent } = await open(layout);
    const request = agent.getByRole('button', { name: 'Request', exact: true });
    await request.waitFor();
    expect(await onScreen(request)).toBe(true);
    expect(await onScreen(agent.locator('chatpay-request-composer #amount'))).toBe(true);
    expect(await scrolled(page, agent)).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('shows the amount on the agent’s chip after Send, the newest line in view below a long chat', async () => {
    const { agent } = await open(AGENT_ALONE);
    await agent.getByRole('button', { name: /Katherine Johnson/ }).click();
    const box = agent.locator('#agent-chat input');
    for (let line = 1; line <= 15; line += 1) {
      await box.fill(`Line ${line} of a long chat.`);
      await box.press('Enter');
    }
    await requestPayment(agent, '12.50', 'Outstanding invoice');
    const chip = agent.locator('ol[data-conversation="c-3"] chatpay-status-chip');
    await chip.getByText('WAITING FOR CUSTOMER').first().waitFor();
    // The chip writes the amount for its locale in its own shadow root.
    await expect
      .poll(() => chip.evaluate((element) => element.shadowRoot?.textContent ?? ''), { timeout: 5000 })
      .toContain('$12.50');
    await expect.poll(() => shownIn(chip, agent.locator('#timelines')), { timeout: 5000 }).toBe(true);
    expect(await onScreen(agent.getByRole('button', { name: 'Request', exact: true }))).toBe(true);
  });

  it('shows the banner and the green dot for a card paid in a conversation out of view, as getting started says', async () => {
    const { agent, customer } = await open('side-by-side');
    // 1. A request in Grace Hopper's conversation.
    await requestPayment(agent);
    await customer.getByText('$12.50').waitFor();
    // 2. The agent moves on to another conversation.
    await agent.getByRole('button', { name: /Alan Turing/ }).click();
    await agent.getByRole('heading', { name: 'Alan Turing' }).waitFor();
    // 3. Grace pays.
    await pay(customer);
    await customer.getByText('Sent. Waiting for the agent.').waitFor();
    // 4. The banner names her, and her entry in the list has the dot.
    const banner = agent.locator('chatpay-payment-banner');
    await banner.getByText(/^Grace Hopper sent their card/).waitFor();
    const grace = agent.getByRole('button', { name: /Grace Hopper/ });
    await grace.locator('chatpay-activity-dot [part~="dot"]').waitFor();
    expect(await onScreen(banner.getByRole('button', { name: 'View' }))).toBe(true);
    // View brings her conversation back, where VIEW CARD waits; the banner goes.
    await banner.getByRole('button', { name: 'View' }).click();
    await agent.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    expect(await drawnTimelines(agent)).toEqual(['c-1']);
    await banner.getByText(/^Grace Hopper sent their card/).waitFor({ state: 'detached' });
    // Opening the card takes the dot away.
    await agent.getByRole('button', { name: 'VIEW CARD' }).click();
    await agent.locator('chatpay-card-viewer .value').first().waitFor();
    await grace.locator('chatpay-activity-dot [part~="dot"]').waitFor({ state: 'detached' });
  });
});
