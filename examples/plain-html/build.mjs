// Builds examples/plain-html: index.html, its script page.js and the one module bundle it loads, chatpay.js.
//   node examples/plain-html/build.mjs   → examples/plain-html/dist/
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildExample } from '../../scripts/lib/build-example.mjs';

const dir = fileURLToPath(new URL('.', import.meta.url));

export const build = (write = true) =>
  buildExample({
    dir,
    entry: { chatpay: `${dir}chatpay.ts` },
    html: readFileSync(`${dir}index.html`, 'utf8'),
    assets: { 'page.js': readFileSync(`${dir}page.js`, 'utf8') },
    write,
  });

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(Object.keys(await build()).join(', '));
