import { expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript example, typed by its use here.
import { runFlow } from './flow.mjs';

it('runs the whole flow, and the relay sees no card data', async () => {
  const lines: string[] = [];
  const outcome = await runFlow((line: string) => lines.push(line));
  expect(outcome).toEqual({ agent: 'completed', customer: 'completed' });
  const relayed = lines.filter((line) => line.startsWith('relay')).join('\n');
  expect(relayed).toContain('request.submitted');
  for (const secret of ['4111111111111111', '4111 1111', 'Ada Lovelace', '12/30', 'securityCode']) {
    expect(relayed).not.toContain(secret);
  }
});
