// Debian's Chromium for the end-to-end tests, driven by playwright-core (which downloads no browser).
import { chromium, type Browser } from 'playwright-core';
import { pathOf } from '../scripts/lib/engines.mjs';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: pathOf('chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
}
