import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@chatpay\/([\w-]+)\/testing$/,
        replacement: fileURLToPath(new URL('./packages/$1/src/testing.ts', import.meta.url)),
      },
      {
        find: /^@chatpay\/transports\/socket-io$/,
        replacement: fileURLToPath(new URL('./packages/transports/src/socket-io.transport.ts', import.meta.url)),
      },
      {
        find: /^@chatpay\/core\/wire$/,
        replacement: fileURLToPath(new URL('./packages/core/src/wire.ts', import.meta.url)),
      },
      {
        find: /^@chatpay\/([\w-]+)$/,
        replacement: fileURLToPath(new URL('./packages/$1/src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Browser tests run in @web/test-runner: see web-test-runner.config.mjs.
    exclude: ['**/node_modules/**', '**/dist/**', 'packages/*/test/browser/**', '**/*.browser.test.ts'],
    environment: 'node',
    // Some hostile-traffic tests send ten thousand messages: on two busy cores they need more than the default 5 s.
    testTimeout: 20_000,
  },
});
