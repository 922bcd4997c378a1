// Builds every package in packages/: ES modules and bundled declaration files, one pair per entry
// point. Entry points are read from each package's `exports` (`./dist/x.js` is built from `./src/x.ts`),
// so package.json is the one place that names them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

const root = new URL('./packages/', import.meta.url).pathname;
const only = process.env.CHATPAY_PACKAGES?.split(',');

const packages = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && (!only || only.includes(entry.name)))
  .map((entry) => {
    const dir = join(root, entry.name);
    return { dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) };
  });

/** `{ 'index': '<dir>/src/index.ts', ... }` from the package's exports. */
function entries({ dir, manifest }) {
  const inputs = {};
  for (const target of Object.values(manifest.exports ?? {})) {
    const file = typeof target === 'string' ? target : target.default;
    const name = file.replace(/^\.\/dist\//, '').replace(/\.js$/, '');
    inputs[name] = join(dir, 'src', `${name}.ts`);
  }
  return inputs;
}

/**
 * Dependencies and sibling packages stay imports: each package is installed with its own. What a package
 * lists only as a dev dependency and imports from its sources is bundled into its dist (see VENDORED).
 */
function external({ manifest }) {
  const names = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  return (id) => id.startsWith('@chatpay/') || names.some((name) => id === name || id.startsWith(`${name}/`));
}

/**
 * Libraries bundled into a package's dist rather than installed beside it, each under `dist/vendor/<name>/`
 * with its licence (npm leaves `node_modules` folders out of a tarball, so the files are renamed).
 * `@hpke/core` and `@hpke/common` are bundled so that their fallback `import("crypto")` for Node 18 and older,
 * which browser bundlers report as a Node module externalised for the browser, can be resolved: every
 * runtime ChatPay supports (Node 20.19 and later, and every browser with WebCrypto) has `globalThis.crypto`,
 * which those libraries use first, so the fallback becomes a rejection with the same error path.
 */
const VENDORED = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(@hpke\/[^/]+)\/esm\/(.*)$/;

/**
 * Resolves the vendored libraries' Node fallback `import("crypto")` (the build fails if one is left) and
 * puts each vendored library's licence beside its files.
 */
function vendored() {
  const fallback = /await import\("crypto"\)/g;
  const libraries = new Map();
  return {
    name: 'chatpay-vendored',
    transform(code, id) {
      const match = VENDORED.exec(id);
      if (!match) return null;
      libraries.set(match[1], id.slice(0, id.lastIndexOf('/esm/')));
      if (!code.includes('import("crypto")')) return null;
      const replaced = code.replace(
        fallback,
        'await Promise.reject(new Error("WebCrypto (globalThis.crypto) is required"))',
      );
      if (replaced.includes('import("crypto")')) this.error(`an unexpected import("crypto") is left in ${id}`);
      return { code: replaced, map: null };
    },
    generateBundle() {
      for (const [library, dir] of libraries) {
        const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        const licence = readFileSync(join(dir, 'LICENSE'), 'utf8');
        const source = `${library} ${version}, bundled unchanged but for its Node 18 import("crypto") fallback.\n\n${licence}`;
        this.emitFile({ type: 'asset', fileName: `vendor/${vendorName(library)}/LICENSE`, source });
      }
    },
  };
}

/** `@hpke/core` → `hpke-core`. */
const vendorName = (library) => library.replace('@', '').replace('/', '-');

/** `dist/x.js` for the package's own `src/x.ts`; `dist/vendor/<library>/x.js` for a bundled library's module. */
function fileName(chunk) {
  const id = chunk.facadeModuleId ?? '';
  const vendored = VENDORED.exec(id);
  if (vendored) return `vendor/${vendorName(vendored[1])}/${vendored[2]}`;
  return '[name].js';
}

export default packages.flatMap((pkg) => [
  {
    input: entries(pkg),
    external: external(pkg),
    plugins: [
      nodeResolve({ extensions: ['.ts', '.js'] }),
      vendored(),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    ],
    output: {
      dir: join(pkg.dir, 'dist'),
      entryFileNames: fileName,
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: join(pkg.dir, 'src'),
      sourcemap: true,
    },
    onwarn(warning, warn) {
      // A vendored library's compiled helpers test `this` at the top level (undefined in a module) and carry
      // misplaced pure annotations: both harmless.
      if (['THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code) && VENDORED.test(warning.id ?? '')) return;
      throw new Error(warning.message ?? String(warning), { cause: warn });
    },
  },
  {
    input: entries(pkg),
    external: external(pkg),
    plugins: [dts({ tsconfig: 'tsconfig.json', compilerOptions: { paths: {} } })],
    output: { dir: join(pkg.dir, 'dist'), format: 'es' },
  },
]);
