// Checks on how elements present themselves, through their shadow roots: target sizes, motion, and
// what stays visible when the system forces its own colours.

/** Everything under `root`, through open shadow roots. */
function* deep(root: Node): Generator<Element> {
  for (const child of root.childNodes) {
    if (!(child instanceof Element)) continue;
    yield child;
    if (child.shadowRoot) yield* deep(child.shadowRoot);
    yield* deep(child);
  }
}

/** Whether `element` takes up room on the page (not hidden, not collapsed, not visually hidden). */
function rendered(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 1 && box.height > 1 && getComputedStyle(element).visibility === 'visible';
}

/** How a failure names an element: its host, its tag, and its part or id. */
export function nameOf(element: Element): string {
  const host = (element.getRootNode() as ShadowRoot).host?.localName ?? 'page';
  const name = element.getAttribute('part') ?? element.id ?? '';
  return `${host} ${element.localName}${name ? `[${name}]` : ''}`;
}

const CONTROLS = 'button, input:not([type="hidden"]), select, textarea, a[href], [role="button"], summary';

/** The controls a person operates: rendered buttons, fields, links. */
export function controls(root: Node): Element[] {
  return [...deep(root)].filter((element) => element.matches(CONTROLS) && rendered(element));
}

/**
 * Controls smaller than `minimum` CSS pixels either way, each with its size. ChatPay's own rule is
 * 44 by 44 (WCAG 2.5.5, AAA), above 2.2 AA's 24 by 24 (2.5.8).
 */
export function smallTargets(root: Node, minimum = 44): string[] {
  return controls(root)
    .map((element) => ({ element, box: element.getBoundingClientRect() }))
    .filter(({ box }) => Math.round(box.width) < minimum || Math.round(box.height) < minimum)
    .map(({ element, box }) => `${nameOf(element)} ${Math.round(box.width)}×${Math.round(box.height)}`);
}

/** Elements that animate or have a transition of some length: nothing of ChatPay's should. */
export function moving(root: Node): string[] {
  return [...deep(root)]
    .filter((element) => {
      const style = getComputedStyle(element);
      const lasts = (durations: string) => durations.split(',').some((duration) => parseFloat(duration) > 0);
      return lasts(style.transitionDuration) || (style.animationName !== 'none' && lasts(style.animationDuration));
    })
    .map(nameOf);
}

/** Whether a computed colour lets what is behind show through (forced colours keep the alpha of `transparent`). */
const transparent = (colour: string) => colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour);

/** The colour the page is painted on: the system's Canvas (forced to the system's choice in forced colours). */
function canvas(): string {
  const probe = document.body.appendChild(document.createElement('div'));
  probe.style.background = 'Canvas';
  const colour = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return colour;
}

/** The element `element` sits in: its parent, or the host of its shadow root. */
const parentOf = (element: Element): Element | null =>
  element.parentElement ?? ((element.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;

/** The colour behind `element`: its own background, or the nearest one behind it, through shadow hosts. */
function backgroundBehind(element: Element): string {
  for (let at: Element | null = element; at;) {
    const colour = getComputedStyle(at).backgroundColor;
    if (!transparent(colour)) return colour;
    at = parentOf(at);
  }
  return canvas();
}

/** Whether any edge of `element` has a border drawn in a colour that differs from what is behind it. */
function hasVisibleEdge(element: Element): boolean {
  const style = getComputedStyle(element);
  const behind = backgroundBehind(parentOf(element) ?? document.documentElement);
  return (['Top', 'Right', 'Bottom', 'Left'] as const).some(
    (side) =>
      style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' &&
      parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 &&
      !transparent(style.getPropertyValue(`border-${side.toLowerCase()}-color`)) &&
      style.getPropertyValue(`border-${side.toLowerCase()}-color`) !== behind,
  );
}

/**
 * With forced colours on, the controls whose edges cannot be seen (the system paints every
 * background the same, so a button drawn only by its fill disappears) and the `indicators` (CSS
 * selectors of marks drawn only by their fill, like a dot) that take the colour behind them.
 */
export function lostInForcedColours(root: Node, indicators: readonly string[] = []): string[] {
  const lostControls = controls(root)
    .filter((element) => !hasVisibleEdge(element))
    .map((element) => `${nameOf(element)} has no visible edge`);
  const lostMarks = [...deep(root)]
    .filter((element) => indicators.some((selector) => element.matches(selector)) && rendered(element))
    .filter((element) => backgroundBehind(element) === backgroundBehind(parentOf(element) ?? document.documentElement))
    .map((element) => `${nameOf(element)} takes the colour behind it`);
  return [...lostControls, ...lostMarks];
}

type Direction = 'ltr' | 'rtl';

/** The inline-start edge of `box` in `direction`. */
const startOf = (box: DOMRect, direction: Direction) => (direction === 'rtl' ? box.right : box.left);

/**
 * Labels whose words do not start where their field starts (on the right in a right-to-left
 * layout), each with how far off it is; and how many labels with a field were checked.
 */
export function misalignedLabels(root: Node, direction: Direction): { checked: number; wrong: string[] } {
  let checked = 0;
  const wrong = [...deep(root)]
    .filter((element) => element.localName === 'label' && rendered(element))
    .flatMap((label) => {
      const field = label.querySelector('input, select, textarea');
      const words = [...label.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
      if (!field || !words || !rendered(field)) return [];
      checked++;
      const range = document.createRange();
      range.selectNodeContents(words);
      const off = Math.abs(
        startOf(range.getBoundingClientRect(), direction) - startOf(field.getBoundingClientRect(), direction),
      );
      return off > 2 ? [`${nameOf(label)} starts ${Math.round(off)} px from its field`] : [];
    });
  return { checked, wrong };
}

/**
 * Rows of buttons (siblings on one line) whose order on screen is not their order in the document
 * read in `direction`: in a right-to-left layout the first button is the rightmost. Also answers
 * how many rows of two or more buttons on one line were checked.
 */
export function misorderedButtons(root: Node, direction: Direction): { checked: number; wrong: string[] } {
  let checked = 0;
  const wrong = [...deep(root)].flatMap((row) => {
    const buttons = [...row.children].filter((child) => child.localName === 'button' && rendered(child));
    if (buttons.length < 2) return [];
    const boxes = buttons.map((button) => button.getBoundingClientRect());
    if (!boxes.every((box) => Math.abs(box.top - boxes[0]!.top) < 2)) return [];
    checked++;
    const inOrder = boxes.every((box, index) =>
      index === 0
        ? true
        : direction === 'rtl'
          ? box.right <= boxes[index - 1]!.left + 1
          : box.left >= boxes[index - 1]!.right - 1,
    );
    return inOrder ? [] : [`${nameOf(row)}: ${buttons.map(nameOf).join(', ')}`];
  });
  return { checked, wrong };
}

/** Pieces of an element drawn outside its host's box across the line (a column too narrow for them). */
export function overflowing(root: Node): string[] {
  return [...deep(root)]
    .filter((element) => (element.getRootNode() as ShadowRoot).host && rendered(element))
    .filter((element) => {
      const host = (element.getRootNode() as ShadowRoot).host.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return box.left < host.left - 1 || box.right > host.right + 1;
    })
    .map(nameOf);
}
