import { expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript example, typed by its use here.
import { runPayment } from './pay.mjs';
// @ts-expect-error: a plain JavaScript example, typed by its use here.
import { startChatServer } from './server.mjs';

it('runs a whole payment over the Socket.IO chat; the server keeps ciphertext only', async () => {
  const lines: string[] = [];
  const outcome = (await runPayment((line: string) => lines.push(line))) as {
    agent: string;
    customer: string;
    kept: { text: string; sender: { role: string } }[];
  };
  expect(outcome).toMatchObject({ agent: 'completed', customer: 'completed' });
  expect(lines).toEqual([
    'customer  Replacement charger: payment-requested',
    'agent     viewing a visa card ending 1111',
    'customer  payment-accepted',
  ]);
  expect(outcome.kept.map((entry) => JSON.parse(entry.text).type)).toContain('request.submitted');
  const kept = outcome.kept.map((entry) => entry.text).join('\n');
  for (const secret of ['4111111111111111', 'Ada Lovelace', '12/30', '"737"']) expect(kept).not.toContain(secret);
});

it('vouches only for a signed-in agent, and publishes the vouching keys without their private part', async () => {
  const server = (await startChatServer({ port: 0 })) as { url: string; close(): Promise<void> };
  try {
    const vouch = (session?: string) =>
      fetch(`${server.url}/chatpay/vouch`, {
        method: 'POST',
        headers: session ? { authorization: `Bearer ${session}` } : {},
        body: '{}',
      });
    expect((await vouch()).status).toBe(401);
    expect((await vouch('customer-session')).status).toBe(401);
    expect((await vouch('agent-session')).status).toBe(400);
    const keys = (await (await fetch(`${server.url}/.well-known/chatpay-jwks.json`)).json()) as { keys: object[] };
    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]).not.toHaveProperty('d');
  } finally {
    await server.close();
  }
});
