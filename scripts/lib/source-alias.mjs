// An esbuild plugin that resolves `@chatpay/<package>` and its subpaths (`@chatpay/agent/define`) to
// the TypeScript sources, through each package's `exports` (`./dist/x.js` is built from `./src/x.ts`),
// so examples and measurements bundle the code as it is, without a build first.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../../packages/', import.meta.url));

/** The source file behind `@chatpay/<name><subpath>`, or undefined if the package does not export it. */
export function sourceOf(name, subpath = '') {
  const manifestPath = `${packages}${name}/package.json`;
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const target = manifest.exports?.[`.${subpath}`];
  const file = typeof target === 'string' ? target : target?.default;
  return file && `${packages}${name}/${file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')}`;
}

export const sourceAlias = {
  name: 'chatpay-source-alias',
  setup(build) {
    build.onResolve({ filter: /^@chatpay\/[\w-]+(\/.*)?$/ }, ({ path }) => {
      const [, name, subpath] = /^@chatpay\/([\w-]+)(\/.*)?$/.exec(path);
      const resolved = sourceOf(name, subpath ?? '');
      return resolved ? { path: resolved } : undefined;
    });
  },
};
