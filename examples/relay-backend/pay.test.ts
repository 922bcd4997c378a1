import { expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript example, typed by its use here.
import { runPayment } from './pay.mjs';

it('runs a whole payment through the backend’s token and vouching endpoints and its relay', async () => {
  const lines: string[] = [];
  expect(await runPayment((line: string) => lines.push(line))).toEqual({ agent: 'completed', customer: 'completed' });
  expect(lines).toEqual([
    'customer  Replacement charger: payment-requested',
    'agent     viewing a visa card ending 1111',
    'customer  payment-accepted',
  ]);
});
