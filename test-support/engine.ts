// What the browser running the tests can do, for tests that need an engine's test-only feature. A
// test that cannot run in an engine skips itself visibly (mocha's `this.skip()`, reported as skipped),
// and docs/accessibility.md says which and why.
import { emulateMedia } from '@web/test-runner-commands';

let colourScheme: Promise<boolean> | undefined;

/** Whether the runner can emulate `prefers-color-scheme` here (it needs the Chrome DevTools Protocol). */
export function canEmulateColourScheme(): Promise<boolean> {
  colourScheme ??= emulateMedia({ colorScheme: 'light' }).then(
    () => true,
    () => false,
  );
  return colourScheme;
}

/** Whether the page can start a garbage collection (Chromium with `--js-flags=--expose-gc`). */
export function canCollectGarbage(): boolean {
  return typeof (window as unknown as { gc?: unknown }).gc === 'function';
}
