// The one way ChatPay's scripts measure a bundle: esbuild (bundle, minify, ES module, browser,
// ES2022) then gzip -9 with node:zlib. @hpke/common's Node-only `import("crypto")` gets the
// browser's WebCrypto, as in a browser build.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { sourceAlias } from './source-alias.mjs';

export const HOW = 'browser ES2022 bundle (esbuild --bundle --minify --format=esm, gzip -9 with node:zlib)';

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
  const result = await build({
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
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, metafile: result.metafile };
}

/** A figure line: the name, then min and gzip bytes. */
export const sizeLine = (name, { min, gzip }) =>
  `${name.padEnd(48)} ${String(min).padStart(7)} min  ${String(gzip).padStart(6)} gzip`;
