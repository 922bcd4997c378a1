import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
// @ts-expect-error: a plain JavaScript example, typed by its use here.
import { startBackend } from './backend.mjs';

const ORIGIN = 'https://chat.example';
let backend: { url: string; relayUrl: string; close(): Promise<void> };

beforeAll(async () => {
  backend = await startBackend({ port: 0, origins: [ORIGIN], logger: () => {} });
});
afterAll(async () => {
  await backend?.close();
});

const tokenFor = (session: string | undefined, conversationId: string) =>
  fetch(`${backend.url}/chatpay/token`, {
    method: 'POST',
    headers: { origin: ORIGIN, ...(session ? { authorization: `Bearer ${session}` } : {}) },
    body: JSON.stringify({ conversationId }),
  });

describe('the example backend', () => {
  it('issues join tokens only to people signed in, for their own conversations', async () => {
    expect((await tokenFor(undefined, 'conv-1')).status).toBe(401);
    expect((await tokenFor('customer-session', 'conv-2')).status).toBe(403);
    const granted = await tokenFor('customer-session', 'conv-1');
    expect(granted.status).toBe(200);
    const { token } = (await granted.json()) as { token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      sub: 'customer-42',
      role: 'customer',
      conversation: 'conv-1',
      aud: 'chatpay-relay',
    });
    const keys = (await (await fetch(`${backend.url}/.well-known/chatpay-join-keys.json`)).json()) as {
      keys: object[];
    };
    expect(keys.keys[0]).not.toHaveProperty('d');
  });

  it('runs the relay on its own server at /chatpay, with its health endpoint', async () => {
    const { token } = (await (await tokenFor('agent-session', 'conv-2')).json()) as { token: string };
    // A WebSocket handshake by hand (this folder has no WebSocket client), then the relay's first frame.
    const target = new URL(`${backend.relayUrl}?token=${token}`);
    const first = await new Promise<string>((resolve, reject) => {
      const sent = request({
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        headers: {
          origin: ORIGIN,
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      sent.on('upgrade', (_response, socket, head: Buffer) => {
        const read = (frame: Buffer) => {
          socket.destroy();
          resolve(frame.subarray(2, 2 + (frame[1]! & 0x7f)).toString());
        };
        if (head.length > 0) read(head);
        else socket.once('data', read);
      });
      sent.on('response', (response) => reject(new Error(`refused with ${response.statusCode}`)));
      sent.on('error', reject);
      sent.end();
    });
    expect(JSON.parse(first)).toEqual({ caughtUp: '0-0' });
    expect((await fetch(`${backend.url}/healthz`)).status).toBe(200);
  });
});
