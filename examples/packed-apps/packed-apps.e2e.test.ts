// The packages as a new user gets them: packed with `pnpm pack` (as `pnpm publish` packs them), each
// tarball checked for what a published package must hold, then installed into a fresh Vite app (a
// customer's chat page) and a fresh webpack app (an agent's console) outside the workspace. Both must
// build with no warning and no error with their bundlers' defaults, every module the packages export
// must load in Node (a server rendering the page imports them), and a React 19 + TypeScript consumer
// must type-check against the installed types.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { freshApp, packAll, pinnedVersions, workspacePackages } from './packing.mjs';

const run = promisify(execFile);

interface PackageManifest {
  name: string;
  version: string;
  license?: string;
  repository?: { url?: string; directory?: string };
  files?: string[];
  exports: Record<string, { types: string; default?: string }>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const packages: { dir: string; manifest: PackageManifest }[] = workspacePackages();
const work = mkdtempSync(join(os.tmpdir(), 'chatpay-packed-'));
let tarballs: Record<string, string>;

beforeAll(async () => {
  for (const { dir, manifest } of packages) {
    if (!existsSync(join(dir, 'dist'))) throw new Error(`${manifest.name} is not built: run pnpm run build first`);
  }
  tarballs = await packAll(join(work, 'tarballs'));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Paths in a tarball, without the leading `package/`. */
async function listing(tarball: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', tarball]);
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''));
}

async function packedManifest(tarball: string): Promise<PackageManifest> {
  const { stdout } = await run('tar', ['-xzOf', tarball, 'package/package.json']);
  return JSON.parse(stdout) as PackageManifest;
}

describe.each(packages.map(({ manifest }) => manifest.name))('the packed %s', (name) => {
  it('holds its README, its licence, its manifest and every module it exports, and nothing of the workspace', async () => {
    const files = await listing(tarballs[name]!);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
    const manifest = await packedManifest(tarballs[name]!);
    for (const target of Object.values(manifest.exports)) {
      if (target.default) expect(files).toContain(target.default.replace(/^\.\//, ''));
      expect(files).toContain(target.types.replace(/^\.\//, ''));
    }
    const workspaceOnly = (file: string) =>
      /(^|\/)node_modules\/|^(src|test)\//.test(file) || (file.endsWith('.ts') && !file.endsWith('.d.ts'));
    expect(files.filter(workspaceOnly)).toEqual([]);
  });

  it('names its licence and repository, and depends on released versions only', async () => {
    const manifest = await packedManifest(tarballs[name]!);
    expect(manifest.license).toBe('MIT');
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\//);
    expect(manifest.repository?.directory).toBe(`packages/${name.replace('@chatpay/', '')}`);
    const ranges = { ...manifest.dependencies, ...manifest.peerDependencies };
    expect(Object.entries(ranges).filter(([, range]) => range.startsWith('workspace:'))).toEqual([]);
    for (const [dependency, range] of Object.entries(ranges)) {
      if (dependency.startsWith('@chatpay/')) expect(range).toBe(manifest.version);
    }
  });
});

it('the packed core carries the libraries it bundles with their licences, and no import of Node modules', async () => {
  const files = await listing(tarballs['@chatpay/core']!);
  const vendored = files.filter((file) => file.startsWith('dist/vendor/'));
  expect(vendored).toEqual(
    expect.arrayContaining(['dist/vendor/hpke-core/LICENSE', 'dist/vendor/hpke-common/LICENSE']),
  );
  const { stdout } = await run('tar', [
    '-xzOf',
    tarballs['@chatpay/core']!,
    ...files.filter((file) => file.endsWith('.js')).map((file) => `package/${file}`),
  ]);
  expect(stdout).not.toMatch(/import\(\s*["'](node:)?crypto["']\s*\)|from\s*["'](node:)?crypto["']/);
  expect(stdout).not.toMatch(/^(?:import|export)\b[^;]*?from\s*["']@hpke\//m);
});

/** What a customer's chat page imports: the masker on its chat box, the customer's elements, a session and a transport. */
const CUSTOMER_PAGE = `import '@chatpay/masker/define';
import '@chatpay/customer/define';
import { createCustomerSession } from '@chatpay/core';
import { createWebSocketTransport } from '@chatpay/transports';

export const ready = [createCustomerSession, createWebSocketTransport].every((part) => typeof part === 'function');
document.body.dataset.chatpay = String(ready);
`;

/** What an agent's console imports: the agent's elements, a session and a transport. */
const AGENT_CONSOLE = CUSTOMER_PAGE.replace(
  "import '@chatpay/masker/define';\nimport '@chatpay/customer/define';",
  "import '@chatpay/agent/define';",
).replaceAll('Customer', 'Agent');

/** Module specifiers of every module the packages export (not their types-only entries, such as `./react`). */
const exported = packages.flatMap(({ manifest }) =>
  Object.entries(manifest.exports)
    .filter(([, target]) => target.default)
    .map(([subpath]) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`)),
);

/** Builds the app with Vite's defaults and prints, as its last line, every warning and error Vite logged. */
const VITE_BUILD = `import { build, createLogger } from 'vite';
const logged = [];
const logger = createLogger('info');
const keep = (level) => (message) => void logged.push(level + ': ' + message);
const customLogger = { ...logger, info() {}, warn: keep('warn'), warnOnce: keep('warn'), error: keep('error') };
await build({ root: process.cwd(), configFile: false, customLogger });
console.log(JSON.stringify(logged));
`;

/** A React app's TypeScript settings, strict, resolving packages as a bundler does. */
const REACT_TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
    },
    include: ['src'],
  },
  null,
  2,
)}\n`;

/** The environment without what the test runner sets for itself. */
const cleanEnvironment = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV|TEST)/.test(name)));

describe('a fresh Vite app', { timeout: 180_000 }, () => {
  const app = join(work, 'vite-app');
  beforeAll(async () => {
    const { vite, react, 'react-dom': reactDom, '@types/react': types, typescript } = pinnedVersions();
    await freshApp(app, {
      tarballs,
      dependencies: { vite, react, 'react-dom': reactDom, '@types/react': types, typescript },
      files: {
        'index.html':
          '<!doctype html><html lang="en"><body><script type="module" src="/main.js"></script></body></html>\n',
        'main.js': CUSTOMER_PAGE,
        'build.mjs': VITE_BUILD,
        // The framework types' own type test, as a React 19 + TypeScript app's file.
        'src/consumer.tsx': readFileSync(new URL('../frameworks-test/types/react.tsx', import.meta.url), 'utf8'),
        'tsconfig.json': REACT_TSCONFIG,
      },
    });
  }, 180_000);

  it('builds a customer chat page with no warning and no error', async () => {
    // In a process of its own, as `vite build` runs: the test runner's environment changes how Vite resolves.
    const { stdout } = await run(process.execPath, ['build.mjs'], { cwd: app, env: cleanEnvironment() });
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual([]);
    expect(existsSync(join(app, 'dist/index.html'))).toBe(true);
  });

  it("type-checks a React 19 + TypeScript consumer of every element against the installed packages' types", async () => {
    // A wrong prop or handler type there carries @ts-expect-error: a type gone loose fails this check too.
    const check = run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { cwd: app });
    await expect(check.then(({ stdout }) => stdout)).resolves.toBe('');
  });

  it('loads every module the packages export in Node, as a server rendering the page does', async () => {
    const failures: string[] = [];
    for (const specifier of exported) {
      try {
        await run(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(specifier)});`], {
          cwd: app,
        });
      } catch (error) {
        failures.push(
          `${specifier}: ${(error as { stderr?: string }).stderr?.split('\n').find((line) => /Error/.test(line)) ?? error}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
});

/** Runs the node-flow example against the installed packages and prints its outcome. */
const RUN_FLOW = `import { runFlow } from './flow.mjs';
console.log(JSON.stringify(await runFlow(() => {})));
`;

describe('a fresh webpack app', { timeout: 180_000 }, () => {
  const app = join(work, 'webpack-app');
  beforeAll(async () => {
    const { webpack } = pinnedVersions();
    const flow = readFileSync(new URL('../node-flow/flow.mjs', import.meta.url), 'utf8');
    await freshApp(app, {
      tarballs,
      dependencies: { webpack },
      files: { 'src/index.js': AGENT_CONSOLE, 'flow.mjs': flow, 'run-flow.mjs': RUN_FLOW },
    });
  }, 180_000);

  it("builds an agent's console with no warning and no error", async () => {
    const { default: webpack } = (await import(pathToFileURL(join(app, 'node_modules/webpack/lib/index.js')).href)) as {
      default: typeof import('webpack');
    };
    const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
      webpack({ mode: 'production', context: app, output: { path: join(app, 'dist') } }, (error, result) =>
        error ? reject(error) : resolve(result!),
      ),
    );
    const { warnings, errors } = stats.toJson({ all: false, warnings: true, errors: true });
    expect([...(warnings ?? []), ...(errors ?? [])].map((problem) => problem.message)).toEqual([]);
    expect(existsSync(join(app, 'dist/main.js'))).toBe(true);
  });

  it('runs a whole payment in Node with the installed packages, sealing and opening the card with the bundled HPKE', async () => {
    const { stdout } = await run(process.execPath, ['run-flow.mjs'], { cwd: app });
    expect(JSON.parse(stdout.trim())).toEqual({ agent: 'completed', customer: 'completed' });
  });
});
