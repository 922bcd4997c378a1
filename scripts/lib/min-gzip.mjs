// The one way ChatPay's scripts measure a bundle: esbuild (bundle, minify, ES module, browser,
// ES2022) then gzip -9 with node:zlib. @hpke/common's Node-only `import("crypto")` gets the
// browser's WebCrypto, as in a browser build.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { sourceAlias } from './source-alias.mjs';

export const HOW = 'browser ES2022 bundle (esbuild --bundle --minify --format=esm, gzip -9 with node:zlib)';

/** How a page split into chunks is measured: the same, with esbuild's code splitting, each chunk alone. */
export const SPLIT_HOW = 'the same with --splitting: each chunk minified and gzipped alone, then summed';

const nodeCryptoShim = {
  name: 'node-crypto-shim',
  setup(build) {
    build.onResolve({ filter: /^crypto$/ }, () => ({ path: 'crypto', namespace: 'shim' }));
    build.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({
      contents: 'export const webcrypto = globalThis.crypto;',
    }));
  },
};

/**
 * `{ min, gzip }` bytes of the module `contents` (TypeScript), resolved from `resolveDir`, with
 * everything it imports (`@chatpay/*` from the sources), and esbuild's metafile (bytes per input).
 */
export async function minGzip(contents, resolveDir) {
  const result = await build(options(contents, resolveDir));
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, metafile: result.metafile };
}

/**
 * The chunks of the module `contents` (TypeScript) bundled with code splitting, as a browser fetches
 * them: `[{ file, entry, imports, dynamicImports, min, gzip, inputs }]`, the entry first. `imports` are
 * the chunks it loads with it (static imports), `dynamicImports` those it loads on demand (`import()`);
 * `inputs` are the minified bytes each source file contributes to the chunk.
 */
export async function splitChunks(contents, resolveDir) {
  const result = await build({ ...options(contents, resolveDir), splitting: true, outdir: '/chunks' });
  const chunks = [];
  for (const file of result.outputFiles) {
    if (!file.path.endsWith('.js')) continue;
    const meta = result.metafile.outputs[`../../../chunks/${file.path.split('/').pop()}`] ?? metaOf(result, file.path);
    chunks.push({
      file: file.path.split('/').pop(),
      entry: meta.entryPoint !== undefined,
      imports: meta.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path.split('/').pop()),
      dynamicImports: meta.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path.split('/').pop()),
      min: file.contents.length,
      gzip: gzipSync(file.contents, { level: 9 }).length,
      inputs: meta.inputs,
    });
  }
  return chunks.sort((a, b) => Number(b.entry) - Number(a.entry));
}

/** The metafile's entry for an output file, whatever relative path esbuild gave it. */
const metaOf = (result, path) =>
  Object.entries(result.metafile.outputs).find(([name]) => name.endsWith(`/${path.split('/').pop()}`))[1];

/** esbuild's options for a browser bundle of `contents`, resolved from `resolveDir`. */
function options(contents, resolveDir) {
  return {
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [nodeCryptoShim, sourceAlias],
    metafile: true,
    nodePaths: [new URL('../../node_modules', import.meta.url).pathname],
  };
}

/** A figure line: the name, then min and gzip bytes. */
export const sizeLine = (name, { min, gzip }) =>
  `${name.padEnd(48)} ${String(min).padStart(7)} min  ${String(gzip).padStart(6)} gzip`;
