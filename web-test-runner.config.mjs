// Browser tests: every packages/*/test/browser/*.browser.test.ts and examples/*/test/*.browser.test.ts,
// in Debian's Chromium, Firefox ESR and WebKitGTK (scripts/lib/engines.mjs; `CHATPAY_BROWSERS=chromium`
// runs one engine).
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { build } from 'esbuild';
import { pathOf, selectedEngines } from './scripts/lib/engines.mjs';
import {
  accessibilityTreePlugin,
  forcedColorsPlugin,
  keyboardPlugin,
  mediaCapabilityPlugin,
} from './scripts/lib/test-commands.mjs';
import { webkitLauncher } from './scripts/lib/webkit-launcher.mjs';

/**
 * axe-core (UMD) ships no ES module: its entry is served as one ES module bundled by esbuild, as an
 * application's bundler would.
 */
const commonjsAsModule = {
  name: 'commonjs-as-module',
  async serve({ path }) {
    const match = /\/node_modules\/(?:.*\/)?axe-core\/axe\.js$/.exec(path);
    if (!match) return undefined;
    const result = await build({
      entryPoints: [new URL(`.${path}`, import.meta.url).pathname],
      bundle: true,
      format: 'esm',
      write: false,
    });
    return { body: result.outputFiles[0].text, type: 'js' };
  },
};

/**
 * @hpke/common falls back to `import("crypto")` for Node 18 and older; browsers never reach that
 * branch, but the dev server must still resolve it. It gets the browser's own WebCrypto.
 */
const nodeCryptoShim = {
  name: 'node-crypto-shim',
  resolveImport: ({ source }) => (source === 'crypto' ? '/__node-crypto-shim.js' : undefined),
  serve: ({ path }) => (path === '/__node-crypto-shim.js' ? 'export const webcrypto = globalThis.crypto;' : undefined),
};

const engines = selectedEngines().map((engine) => engine.name);
const root = dirname(fileURLToPath(import.meta.url));

/**
 * Screenshot tests (`visualDiff`): each test file's baselines sit next to it, in
 * `screenshots/<engine>/<name>.png`; a failed comparison leaves the new image and the difference in
 * `.screenshots/` (not committed). `CHATPAY_UPDATE_SCREENSHOTS=1` writes the baselines again.
 */
const screenshots = visualRegressionPlugin({
  update: process.env.CHATPAY_UPDATE_SCREENSHOTS === '1',
  baseDir: root,
  getBaselineName: ({ browser, name, testFile }) =>
    join(relative(root, dirname(resolve(root, testFile))), 'screenshots', browser.toLowerCase(), name),
  getFailedName: ({ browser, name }) => join('.screenshots', browser.toLowerCase(), `${name}-failed`),
  getDiffName: ({ browser, name }) => join('.screenshots', browser.toLowerCase(), `${name}-diff`),
  // Anti-aliasing may differ by a few pixels between runs; a layout change moves far more.
  failureThreshold: 0.5,
  failureThresholdType: 'percent',
});

export default {
  files: ['packages/*/test/browser/**/*.browser.test.ts', 'examples/*/test/**/*.browser.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  plugins: [
    keyboardPlugin(),
    forcedColorsPlugin(),
    accessibilityTreePlugin(),
    mediaCapabilityPlugin(),
    screenshots,
    nodeCryptoShim,
    commonjsAsModule,
    esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
  ],
  browsers: [
    engines.includes('chromium') &&
      chromeLauncher({
        launchOptions: {
          executablePath: pathOf('chromium'),
          headless: true,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--js-flags=--expose-gc',
          ],
        },
      }),
    // Debian's Firefox ESR through puppeteer's WebDriver BiDi support.
    engines.includes('firefox') &&
      puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: pathOf('firefox'), headless: true } }),
    engines.includes('webkit') &&
      webkitLauncher({ driver: pathOf('webkit', 0), browser: pathOf('webkit', 1), xvfb: pathOf('webkit', 2) }),
  ].filter(Boolean),
  testFramework: { config: { timeout: 10000 } },
  // Lit's development build stays (its other warnings are worth seeing); its notice that it is the
  // development build, printed once per test file, does not.
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><body><script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script>` +
    `<script type="module" src="${testFramework}"></script></body></html>`,
};
