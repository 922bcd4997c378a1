// Builds examples/vue (Vue 3 render functions, no template compiler): index.html and app.js.
//   node examples/vue/build.mjs   → examples/vue/dist/
import { fileURLToPath } from 'node:url';
import { buildExample } from '../../scripts/lib/build-example.mjs';

const dir = fileURLToPath(new URL('.', import.meta.url));
const html = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>ChatPay in Vue</title></head>
  <body style="font-family: system-ui, sans-serif"><div id="app"></div><script type="module" src="./app.js"></script></body>
</html>
`;

export const build = (write = true) =>
  buildExample({
    dir,
    entry: { app: `${dir}src/main.ts` },
    html,
    options: {
      define: {
        __VUE_OPTIONS_API__: 'false',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        'process.env.NODE_ENV': '"production"',
      },
    },
    write,
  });

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(Object.keys(await build()).join(', '));
