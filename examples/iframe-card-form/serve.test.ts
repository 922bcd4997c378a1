import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { serve } from './serve.mjs';

let server: { port: number; close(): Promise<void> };
beforeAll(async () => {
  server = (await serve(0)) as typeof server;
});
afterAll(() => server.close());

const get = (host: string, path: string) => fetch(`http://${host}:${server.port}${path}`);

describe('the iframe card form example', () => {
  it('serves the chat page on one origin and the card form on another, which only the chat page may embed', async () => {
    const page = await get('localhost', '/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`data-frame-origin="http://127.0.0.1:${server.port}"`);
    const frame = await get('127.0.0.1', '/frame.html');
    expect(frame.headers.get('content-security-policy')).toBe(`frame-ancestors http://localhost:${server.port}`);
    expect(await frame.text()).toContain(`data-chat-origin="http://localhost:${server.port}"`);
    expect((await get('127.0.0.1', '/')).status).toBe(404);
    expect((await get('localhost', '/frame.js')).status).toBe(404);
  });

  it('bundles each side with only its own code: the page has no card form, the frame no decryption', async () => {
    const page = await (await get('localhost', '/page.js')).text();
    const frame = await (await get('127.0.0.1', '/frame.js')).text();
    expect(page).toContain('chatpay-request-composer');
    expect(page).not.toContain('chatpay-card-form');
    expect(frame).toContain('chatpay-card-form');
    expect(frame).not.toContain('chatpay-card-viewer');
  });
});
