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

/** Dependencies and sibling packages stay imports: each package is installed with its own. */
function external({ manifest }) {
  const names = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  return (id) => id.startsWith('@chatpay/') || names.some((name) => id === name || id.startsWith(`${name}/`));
}

export default packages.flatMap((pkg) => [
  {
    input: entries(pkg),
    external: external(pkg),
    plugins: [nodeResolve({ extensions: ['.ts', '.js'] }), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
    output: {
      dir: join(pkg.dir, 'dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: join(pkg.dir, 'src'),
      sourcemap: true,
    },
    onwarn(warning, warn) {
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
