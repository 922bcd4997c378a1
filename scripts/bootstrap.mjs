// Makes a fresh machine ready for the demo and the tests: installs the workspace's packages with the
// pinned pnpm (through npx, so only Node and npm are needed) and, for the tests, Debian's browsers
// (scripts/lib/engines.mjs: Chromium, Firefox ESR, WebKitGTK with a virtual display) and Debian's
// redis-server (the relay's tests start their own, on a free loopback port).
// Does nothing that is already done.
//   node scripts/bootstrap.mjs          for the tests
//   node scripts/bootstrap.mjs --demo   for the demo, which needs no browser of its own
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { ENGINES, FONTS, selectedEngines } from './lib/engines.mjs';

const PNPM = 'pnpm@10.34.8';
const run = (command, args, env = process.env) => execFileSync(command, args, { stdio: 'inherit', env });

const installed = 'node_modules/.modules.yaml';
if (process.env.CI || !existsSync(installed) || statSync('pnpm-lock.yaml').mtimeMs > statSync(installed).mtimeMs) {
  console.log(`Installing packages with ${PNPM}…`);
  run('npx', ['--yes', PNPM, 'install', '--frozen-lockfile']);
}

/**
 * The Redis server the relay's tests run several nodes on (they start their own, on a free loopback
 * port). Without it, and outside CI, those tests are skipped, saying so.
 */
const REDIS = { name: 'redis-server', paths: ['/usr/bin/redis-server'], debian: ['redis-server'], optional: true };

/** What the tests need: the engines asked for, Chromium for the end-to-end tests whatever is asked, the font, Redis. */
const needed = process.argv.includes('--demo')
  ? []
  : [...new Set([...selectedEngines(), ENGINES.find((engine) => engine.name === 'chromium'), FONTS, REDIS])];
const absentPaths = () => needed.flatMap((need) => need.paths.filter((path) => !existsSync(path)));
const missing = needed.filter((need) => need.paths.some((path) => !existsSync(path)));
if (missing.length > 0) {
  const names = missing.flatMap((need) => need.debian);
  if (process.getuid?.() !== 0 && missing.every((need) => need.optional) && !process.env.CI) {
    console.warn(`${names.join(', ')} not found: the tests that need it are skipped (as root, this installs it).`);
  } else if (process.getuid?.() !== 0) {
    console.error(`The tests need ${names.join(', ')}; not found: ${absentPaths().join(', ')}.`);
    console.error(
      `Install (Debian: sudo apt-get install -y ${names.join(' ')}), set CHATPAY_BROWSERS to the engines you have ` +
        `(e.g. CHATPAY_BROWSERS=chromium), or point CHROME_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, WEBKIT_BROWSER_PATH ` +
        `or XVFB_PATH at them; then run this again.`,
    );
    process.exit(1);
  } else {
    console.log(`Installing Debian's ${names.join(', ')} for the tests…`);
    const quiet = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], quiet);
    run('apt-get', ['install', '-y', '--no-install-recommends', ...names], quiet);
    if (absentPaths().length > 0) {
      console.error(`Still not found after installing: ${absentPaths().join(', ')}.`);
      process.exit(1);
    }
  }
}
