// Makes a fresh machine ready for the demo and the tests: installs the workspace's packages with the
// pinned pnpm (through npx, so only Node and npm are needed) and, for the tests, Debian's Chromium.
// Does nothing that is already done.
//   node scripts/bootstrap.mjs          for the tests
//   node scripts/bootstrap.mjs --demo   for the demo, which needs no browser of its own
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const PNPM = 'pnpm@10.34.8';
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

const installed = 'node_modules/.modules.yaml';
if (process.env.CI || !existsSync(installed) || statSync('pnpm-lock.yaml').mtimeMs > statSync(installed).mtimeMs) {
  console.log(`Installing packages with ${PNPM}…`);
  run('npx', ['--yes', PNPM, 'install', '--frozen-lockfile']);
}

if (!process.argv.includes('--demo') && !existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is needed for the browser tests and is not at ${CHROMIUM}.`);
    console.error('Install it (Debian: sudo apt-get install -y chromium) or set CHROME_PATH, then run this again.');
    process.exit(1);
  }
  console.log("Installing Debian's chromium for the browser tests…");
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
}
