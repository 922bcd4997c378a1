// Serves the example on two origins of this machine: the chat page on http://localhost:<port> and the
// card form frame on http://127.0.0.1:<port> (another host name is another origin).
//   node examples/iframe-card-form/serve.mjs [port]
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sourceAlias } from '../../scripts/lib/source-alias.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Builds the two bundles in memory. */
export async function bundles() {
  const result = await build({
    entryPoints: { page: `${here}page.ts`, frame: `${here}frame.ts` },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: '/',
    plugins: [sourceAlias],
    logLevel: 'silent',
  });
  return Object.fromEntries(result.outputFiles.map((file) => [file.path.replace(/^\//, ''), file.text]));
}

const page = (port) => `<!doctype html>
<html lang="en" data-frame-origin="http://127.0.0.1:${port}">
  <head><meta charset="utf-8" /><title>ChatPay: card form in a frame on its own origin</title>
  <style>body{font-family:system-ui;margin:0;display:grid;grid-template-columns:1fr 1fr;min-block-size:100vh}
  section{padding:1rem;border-inline-end:1px solid #ccc}iframe{inline-size:100%;block-size:32rem;border:1px solid #ccc}</style></head>
  <body>
    <section aria-label="Agent console"><h1>Agent</h1><chatpay-request-composer currency="USD"></chatpay-request-composer><div id="timeline"></div></section>
    <section aria-label="Customer chat"><h1>Customer</h1><iframe id="card-frame" title="Secure card form"></iframe></section>
    <script type="module" src="/page.js"></script>
  </body>
</html>`;

const frame = (port) => `<!doctype html>
<html lang="en" data-chat-origin="http://localhost:${port}"><head><meta charset="utf-8" /><title>Secure card form</title></head>
  <body><main></main><script type="module" src="/frame.js"></script></body>
</html>`;

/** Starts the server; resolves with its port and a function that stops it. */
export async function serve(port = 4312) {
  const code = await bundles();
  const server = createServer((request, response) => {
    const host = (request.headers.host ?? '').split(':')[0];
    const onFrameOrigin = host === '127.0.0.1';
    const { pathname } = new URL(request.url ?? '/', 'http://x');
    const actualPort = server.address().port;
    const send = (status, type, body, headers = {}) => {
      response.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', ...headers });
      response.end(body);
    };
    if (onFrameOrigin && pathname === '/frame.html') {
      // Only the chat page may embed the card form.
      return send(200, 'text/html', frame(actualPort), {
        'content-security-policy': `frame-ancestors http://localhost:${actualPort}`,
      });
    }
    if (onFrameOrigin && pathname === '/frame.js') return send(200, 'text/javascript', code['frame.js']);
    if (!onFrameOrigin && pathname === '/') return send(200, 'text/html', page(actualPort));
    if (!onFrameOrigin && pathname === '/page.js') return send(200, 'text/javascript', code['page.js']);
    send(404, 'text/plain', 'Not found');
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { port } = await serve(Number(process.argv[2] ?? 4312));
  console.log(`Chat page: http://localhost:${port}/  (the card form frame is served from http://127.0.0.1:${port})`);
}
