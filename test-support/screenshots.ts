// What screenshot comparisons need to see the same pixels on every run and machine.

/** Two frames, so that what the screenshot takes has been painted. */
export const painted = (): Promise<unknown> =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/**
 * A chat column for the page: a `<main>` laid out in `direction`, in `locale`, of fixed width and
 * font (DejaVu Sans, which the bootstrap installs and which has Arabic), on white.
 */
export function chatColumn(direction: 'ltr' | 'rtl', locale: string, style = ''): HTMLElement {
  const main = document.body.appendChild(document.createElement('main'));
  main.dir = direction;
  main.lang = locale;
  main.style.cssText = `inline-size: 22rem; padding: 8px; font: 16px/1.4 'DejaVu Sans', sans-serif; background: #fff; ${style}`;
  return main;
}
