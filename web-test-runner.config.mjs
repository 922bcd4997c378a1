// Browser tests: every packages/*/test/browser/*.browser.test.ts, in Debian's Chromium.
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';

/**
 * credit-card-type (CommonJS) and axe-core (UMD) ship no ES module: their entries are served as one
 * ES module bundled by esbuild, as an application's bundler would.
 */
const commonjsAsModule = {
  name: 'commonjs-as-module',
  async serve({ path }) {
    const match = /\/node_modules\/(?:.*\/)?(?:(?:credit-card-type|card-validator)\/dist\/.*|axe-core\/axe)\.js$/.exec(
      path,
    );
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

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Which engines to run: every one by default; `CHATPAY_BROWSERS=chromium` for a quicker run. */
const engines = (process.env.CHATPAY_BROWSERS ?? 'chromium,firefox').split(',');

export default {
  files: ['packages/*/test/browser/**/*.browser.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  plugins: [
    nodeCryptoShim,
    commonjsAsModule,
    esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
  ],
  browsers: [
    engines.includes('chromium') &&
      chromeLauncher({
        launchOptions: {
          executablePath,
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
      puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true } }),
  ].filter(Boolean),
  testFramework: { config: { timeout: 10000 } },
};
