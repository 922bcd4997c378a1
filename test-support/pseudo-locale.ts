// A pseudo-locale for tests: every word of a catalogue wrapped in ⟦ ⟧, so that any text an element
// shows outside those brackets was not taken from its catalogue.

type Words = unknown;

/** The pseudo-locale's tag (Windows' pseudo-locale for long words). */
export const PSEUDO_LOCALE = 'qps-ploc';

/** `english` with every string wrapped, and every function's result wrapped. */
export function pseudo<T extends Words>(english: T): T {
  if (typeof english === 'string') return `⟦${english}⟧` as T;
  if (typeof english === 'function') {
    return ((...args: unknown[]) => `⟦${(english as (...a: unknown[]) => string)(...args)}⟧`) as T;
  }
  if (english && typeof english === 'object') {
    return Object.fromEntries(Object.entries(english).map(([key, value]) => [key, pseudo(value)])) as T;
  }
  return english;
}

/** Every piece of text `root` shows or names, through shadow roots: text nodes and accessible names. */
export function shownText(root: Node): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = node.getAttribute(name);
        if (value?.trim()) found.push(value.trim());
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    } else if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) {
      found.push(node.textContent.trim());
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return found;
}

/** The texts that hold words outside the pseudo-locale's brackets, once `data` (what people typed, names, amounts) is set aside. */
export function unlocalised(texts: readonly string[], data: readonly string[]): string[] {
  return texts.filter((text) => {
    let rest = text;
    // Innermost first: a catalogue function's argument may itself be a catalogue word.
    for (let previous = ''; previous !== rest;) {
      previous = rest;
      rest = rest.replace(/⟦[^⟦⟧]*⟧/g, '');
    }
    for (const value of data) rest = rest.split(value).join('');
    return /\p{L}{2,}/u.test(rest);
  });
}
