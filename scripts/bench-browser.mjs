/* global window */
// Times ChatPay in Debian's Chromium (playwright-core): one keystroke in the card-number field
// (masking, field rules, Lit render), the card form's first render after customElements.define, and
// the heap after 100 and 1,000 whole request lifecycles in one page (elements removed, requests
// forgotten). A benchmark, not a test: nothing fails on time.
//   node scripts/bench-browser.mjs   (part of: npm run bench)
import { createServer } from 'node:http';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { pathOf } from './lib/engines.mjs';
import { sourceAlias } from './lib/source-alias.mjs';

const entry = fileURLToPath(new URL('./bench/browser-bench.ts', import.meta.url));
const bundle = await build({
  entryPoints: [entry],
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  plugins: [sourceAlias],
  logLevel: 'silent',
});
const code = bundle.outputFiles[0].text;
const page =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="/bench.js"></script></body></html>';
const server = createServer((request, response) => {
  const js = request.url === '/bench.js';
  response.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' }).end(js ? code : page);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: pathOf('chromium'),
  args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (value) => `${value.toFixed(2)} ms`;

try {
  const tab = await browser.newPage();
  const open = async () => {
    await tab.goto(url);
    await tab.waitForFunction(() => 'chatpayBench' in window);
  };
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores; ${browser.version()} (headless)`,
  );

  const renders = [];
  for (let load = 0; load < 15; load++) {
    await open();
    renders.push(await tab.evaluate(() => window.chatpayBench.firstRender()));
  }
  console.log(
    `card form, customElements.define to first render (Lit update complete), 15 page loads: median ${ms(quantile(renders, 0.5))}, p95 ${ms(quantile(renders, 0.95))}`,
  );

  await open();
  await tab.evaluate(() => window.chatpayBench.keystrokes(5)); // warm-up
  const strokes = await tab.evaluate(() => window.chatpayBench.keystrokes(50));
  console.log(
    `one keystroke in the card-number field (input event, imask, field rules, Lit render), ${strokes.length} keystrokes: median ${ms(quantile(strokes, 0.5))}, p95 ${ms(quantile(strokes, 0.95))}`,
  );

  await open();
  const heap = await tab.evaluate(() => window.chatpayBench.memory([100, 1000]));
  const [first, last] = heap;
  console.log(
    `heap after GC (performance.memory, precise): ${(first.heap / 1e6).toFixed(2)} MB after ${first.lifecycles} whole lifecycles, ` +
      `${(last.heap / 1e6).toFixed(2)} MB after ${last.lifecycles}: ${((last.heap - first.heap) / (last.lifecycles - first.lifecycles)).toFixed(0)} B per lifecycle ` +
      '(elements removed, requests forgotten; the message ids seen stay, up to 10,000 per conversation, so that late copies are dropped)',
  );
} finally {
  await browser.close();
  server.close();
}
