// Makes a fresh machine ready for the demo and the tests: installs the workspace's packages with the
// pinned pnpm (through npx, so only Node and npm are needed) and, for the tests, Debian's Chromium.
// Does nothing that is already done.
//   node scripts/bootstrap.mjs          for the tests
//   node scripts/bootstrap.mjs --demo   for the demo, which needs no browser of its own
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const PNPM = 'pnpm@10.34.8';
/** Debian's browsers the tests run in: the executable, and the package that provides it. */
const BROWSERS = [
  { engine: 'chromium', path: process.env.CHROME_PATH ?? '/usr/bin/chromium', debian: 'chromium' },
  { engine: 'firefox', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', debian: 'firefox-esr' },
].filter((browser) => (process.env.CHATPAY_BROWSERS ?? 'chromium,firefox').split(',').includes(browser.engine));
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

const installed = 'node_modules/.modules.yaml';
if (process.env.CI || !existsSync(installed) || statSync('pnpm-lock.yaml').mtimeMs > statSync(installed).mtimeMs) {
  console.log(`Installing packages with ${PNPM}…`);
  run('npx', ['--yes', PNPM, 'install', '--frozen-lockfile']);
}

const missing = process.argv.includes('--demo') ? [] : BROWSERS.filter((browser) => !existsSync(browser.path));
if (missing.length > 0) {
  const names = missing.map((browser) => browser.debian);
  if (process.getuid?.() !== 0) {
    console.error(
      `The browser tests need ${names.join(' and ')}, not found at ${missing.map((b) => b.path).join(', ')}.`,
    );
    console.error(
      `Install (Debian: sudo apt-get install -y ${names.join(' ')}) or set CHROME_PATH / FIREFOX_PATH, then run this again.`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian's ${names.join(' and ')} for the browser tests…`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...names]);
}
