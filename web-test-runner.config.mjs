// Browser tests: every packages/*/test/browser/*.browser.test.ts, in Debian's Chromium.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';

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

export default {
  files: ['packages/*/test/browser/**/*.browser.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  plugins: [
    nodeCryptoShim,
    esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
  ],
  browsers: [
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
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
};
