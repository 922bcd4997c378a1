// Takes docs/demo.png: the demo with a card just opened on the agent's side and the customer waiting.
//   node scripts/screenshot-demo.mjs   (after `npm test` or `pnpm run build`)
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { pathOf } from './lib/engines.mjs';
import { startDemo } from '../examples/demo/server.mjs';

const demo = await startDemo({ port: 0, relayPort: 0, log: () => {} });
const browser = await chromium.launch({
  executablePath: pathOf('chromium'),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(`${demo.url}/`);
  const agent = page.frameLocator('#agent');
  const customer = page.frameLocator('#customer-frame');
  await customer.locator('#customer-chat input').pressSequentially('Hi, my charger broke. Card is 4111 1111 1111 1111');
  await customer.locator('#customer-chat input').press('Enter');
  await agent.locator('chatpay-request-composer #amount').pressSequentially('24.90');
  await agent.locator('chatpay-request-composer #reason').fill('Replacement charger, express delivery');
  await agent.getByRole('button', { name: 'Request', exact: true }).click();
  await agent.getByRole('button', { name: 'Send', exact: true }).last().click();
  await customer.getByRole('button', { name: 'Enter Payment' }).click();
  const form = customer.locator('chatpay-card-form');
  await form.locator('#number').pressSequentially('4111111111111111');
  await form.locator('#name').fill('Grace Hopper');
  await form.locator('#expiry').pressSequentially('1230');
  await form.locator('#securityCode').pressSequentially('737');
  await form.getByRole('button', { name: /^Pay/ }).click();
  await agent.getByRole('button', { name: 'VIEW CARD' }).click();
  await agent.locator('chatpay-card-viewer .value').first().waitFor();
  const path = fileURLToPath(new URL('../docs/demo.png', import.meta.url));
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
} finally {
  await browser.close();
  await demo.close();
}
