/** Puts `element` in the page's `<main>`, as a host page would put a chat: content sits in a landmark. */
export function mount<T extends HTMLElement>(element: T): T {
  const main = document.querySelector('main') ?? document.body.appendChild(document.createElement('main'));
  main.append(element);
  return element;
}
