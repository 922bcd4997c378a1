// Builds examples/react (React 19, JSX by esbuild): index.html and app.js.
//   node examples/react/build.mjs   → examples/react/dist/
import { fileURLToPath } from 'node:url';
import { buildExample } from '../../scripts/lib/build-example.mjs';

const dir = fileURLToPath(new URL('.', import.meta.url));
const html = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>ChatPay in React</title></head>
  <body style="font-family: system-ui, sans-serif"><div id="root"></div><script type="module" src="./app.js"></script></body>
</html>
`;

export const build = (write = true) =>
  buildExample({
    dir,
    entry: { app: `${dir}src/main.tsx` },
    html,
    options: { jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' } },
    write,
  });

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(Object.keys(await build()).join(', '));
