// The ChatPay demo server: builds the two pages from the sources, serves them on localhost, and runs
// the WebSocket relay they talk through. The relay prints every frame it passes on: ciphertext only.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createRelay } from '@chatpay/transports/relay';
import { sourceAlias } from '../../scripts/lib/source-alias.mjs';
import { agentPage, customerPage, LANGUAGES, sideBySidePage } from './pages.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

async function bundles() {
  const result = await build({
    entryPoints: { agent: `${here}src/agent.ts`, customer: `${here}src/customer.ts` },
    bundle: true,
    format: 'esm',
    minify: true,
    sourcemap: 'inline',
    write: false,
    outdir: '/',
    plugins: [sourceAlias],
    logLevel: 'silent',
  });
  return Object.fromEntries(result.outputFiles.map((file) => [file.path.replace(/^\//, ''), file.text]));
}

/** Shortens a frame for the log: enough to see what kind of message it is and that the card is ciphertext. */
const short = (text) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

/**
 * Starts the demo. `port` 0 and `relayPort` 0 pick free ports. `log` receives each line the relay
 * prints; the returned `frames` keeps every frame, for tests.
 */
export async function startDemo({ port = 4310, relayPort = 4311, host = '127.0.0.1', log = console.log } = {}) {
  const frames = [];
  const relay = await createRelay({
    port: relayPort,
    host,
    onFrame: (frame) => {
      frames.push(frame);
      log(`relay ${frame.passed ? '→' : '✗'} ${frame.room}: ${short(frame.text)}`);
    },
  });
  const code = await bundles();
  const theme = await readFile(new URL('../theming/theme.css', import.meta.url), 'utf8');
  const relayUrl = `ws://${host}:${relay.port}`;
  const server = createServer((request, response) => {
    const { pathname, searchParams } = new URL(request.url ?? '/', 'http://demo');
    const asked = searchParams.get('lang') ?? 'en';
    const look = { lang: Object.hasOwn(LANGUAGES, asked) ? asked : 'en', themed: searchParams.get('theme') === 'acme' };
    const send = (status, type, body) => {
      response.writeHead(status, {
        'content-type': `${type}; charset=utf-8`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      response.end(body);
    };
    if (request.method === 'POST' && pathname === '/control/failing') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const failing = body.trim() === 'on';
        relay.setFailing(failing);
        log(`relay: ${failing ? 'failing every send (TRY AGAIN)' : 'passing messages on again'}`);
        send(204, 'text/plain', '');
      });
      return;
    }
    if (pathname === '/') return send(200, 'text/html', sideBySidePage());
    if (pathname === '/agent.html') return send(200, 'text/html', agentPage(relayUrl, look));
    if (pathname === '/customer.html') return send(200, 'text/html', customerPage(relayUrl, look));
    if (pathname === '/theme.css') return send(200, 'text/css', theme);
    if (pathname === '/agent.js') return send(200, 'text/javascript', code['agent.js']);
    if (pathname === '/customer.js') return send(200, 'text/javascript', code['customer.js']);
    send(404, 'text/plain', 'Not found');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${server.address().port}`;
  return {
    url,
    relay,
    frames,
    async close() {
      await relay.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
