// What the browser running the tests can do, for tests that need an engine's test-only feature. A
// test that cannot run in an engine skips itself visibly (mocha's `this.skip()`, reported as skipped),
// and docs/accessibility.md says which and why.
import { executeServerCommand } from '@web/test-runner-commands';

let media: Promise<boolean> | undefined;

/**
 * Whether the runner can emulate media features (`prefers-color-scheme`, `prefers-reduced-motion`)
 * in this engine: it needs the Chrome DevTools Protocol.
 */
export function canEmulateMedia(): Promise<boolean> {
  media ??= executeServerCommand('chatpay-can-emulate-media').then((answer) => answer === true);
  return media;
}

/** Whether the page can start a garbage collection (Chromium with `--js-flags=--expose-gc`). */
export function canCollectGarbage(): boolean {
  return typeof (window as unknown as { gc?: unknown }).gc === 'function';
}

/**
 * Turns forced colours (as Windows High Contrast does) on or off; resolves to whether this engine
 * can emulate them (Chromium, through the Chrome DevTools Protocol).
 */
export async function emulateForcedColours(active: boolean): Promise<boolean> {
  return (await executeServerCommand('chatpay-forced-colors', { active })) === true;
}

/**
 * Whether the runner's element screenshots show the element. WebKitGTK's WebDriver (2.50, on Xvfb)
 * crops its element screenshots at an offset (a band of the browser's own window at the top), so
 * WebKit does not take part in screenshot comparisons; its layout is checked by geometry instead.
 */
export function canTakeElementScreenshots(): boolean {
  const agent = navigator.userAgent;
  return !(/AppleWebKit/.test(agent) && !/Chrome|Chromium/.test(agent));
}

/** A node of the accessibility tree, as a screen reader is given it. */
export interface AccessibleNode {
  role: string;
  name?: string;
  description?: string;
  invalid?: string;
  children?: AccessibleNode[];
}

/**
 * The page's accessibility tree (shadow roots flattened), or `null` where the engine cannot give it
 * to the runner (only Chromium can, through puppeteer's DevTools Protocol page).
 */
export async function accessibilityTree(): Promise<AccessibleNode | null> {
  const tree = await executeServerCommand('chatpay-accessibility-tree');
  return tree === false ? null : (tree as AccessibleNode);
}

/** Every node of `tree` that `matches`. */
export function findAccessible(tree: AccessibleNode, matches: (node: AccessibleNode) => boolean): AccessibleNode[] {
  return [
    ...(matches(tree) ? [tree] : []),
    ...(tree.children ?? []).flatMap((child) => findAccessible(child, matches)),
  ];
}
