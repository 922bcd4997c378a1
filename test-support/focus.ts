// Walking a page with the Tab key, as a keyboard-only person does, through shadow roots.
import { sendKeys } from './keys.js';
import { controls, nameOf } from './presentation.js';

/** The element that has focus, inside shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `element`, focused, shows a focus ring of at least 2 CSS pixels. */
function showsRing(element: Element): boolean {
  const style = getComputedStyle(element);
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
}

/**
 * Presses Tab from the top of the page until every enabled control under `root` has had focus (or
 * focus leaves the page or comes round again), and answers the controls Tab never reached, and those
 * it reached that showed no focus ring.
 */
export async function tabThrough(root: Node): Promise<{ unreached: string[]; withoutRing: string[] }> {
  const wanted = controls(root).filter(
    (control) => !(control as HTMLButtonElement).disabled && (control as HTMLElement).tabIndex >= 0,
  );
  // Tab goes on from where focus last was: start from a mark at the top of the page.
  const top = document.body.insertBefore(document.createElement('span'), document.body.firstChild);
  top.tabIndex = -1;
  top.focus();
  const reached = new Set<Element>();
  const withoutRing: string[] = [];
  // Stops once every control has had focus: one Tab more would leave the page for the browser's own
  // controls in some engines, and the page would not have focus back for the next walk.
  for (let press = 0; press < wanted.length + 3 && wanted.some((control) => !reached.has(control)); press++) {
    await sendKeys({ press: 'Tab' });
    const now = focused();
    if (!now || now === document.body || reached.has(now)) break;
    reached.add(now);
    if (!showsRing(now)) withoutRing.push(nameOf(now));
  }
  top.remove();
  return { unreached: wanted.filter((control) => !reached.has(control)).map(nameOf), withoutRing };
}
