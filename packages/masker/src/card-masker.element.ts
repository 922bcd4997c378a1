import { attachCardMasker, type MaskableElement } from './attach.js';
import type { MaskOptions } from './mask-card-numbers.js';

export type { CardDetectedDetail } from './attach.js';

const FIELD = 'input, textarea, [contenteditable]:not([contenteditable="false"])';

/**
 * The browser's `HTMLElement`; on a server, where there is none, `Object`, so that importing this
 * module there (server rendering, a script in Node) does not throw. The element is only ever defined
 * where there is a DOM.
 */
const HTMLElement: typeof globalThis.HTMLElement =
  globalThis.HTMLElement ?? (Object as unknown as typeof globalThis.HTMLElement);

/**
 * Wraps an existing chat input and masks card numbers typed or pasted into it (see `attachCardMasker`).
 * It renders nothing of its own: the wrapped input stays the host app's, styled and wired as before.
 * It extends the browser's `HTMLElement`; on a server, where there is none, the class extends `Object`, so
 * that importing it there does not throw (it is only defined where there is a DOM).
 *
 * @tag chatpay-card-masker
 * @slot - The chat input: an `input`, a `textarea` or a contenteditable element (the first one inside).
 * @event {CustomEvent<CardDetectedDetail>} chatpay-card-detected - A card number was masked. `detail`: `{ brand, lastFour }`, never more.
 * @attr {string} mask-character - What replaces each hidden digit. Default `•`.
 * @attr {boolean} show-first-six - Also leave the first six digits visible.
 * @attr {boolean} keep-expiry-and-code - Do not mask an expiry date and security code written after a card.
 */
export class ChatPayCardMasker extends HTMLElement {
  static observedAttributes = ['mask-character', 'show-first-six', 'keep-expiry-and-code'];

  #options: MaskOptions = {};
  #detach: (() => void) | undefined;
  #field: MaskableElement | undefined;
  #observer: MutationObserver | undefined;

  constructor() {
    super();
    // Built node by node, not from an HTML string, so pages enforcing Trusted Types can use it.
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host{display:contents}';
    root.append(style, document.createElement('slot'));
  }

  /** Extra options: card definitions (`cards`) and patterns never to mask (`neverMask`). Attributes win where they overlap. */
  get options(): MaskOptions {
    return this.#options;
  }

  set options(options: MaskOptions) {
    this.#options = options;
    this.#reattach();
  }

  /** The field being masked, if any. */
  get field(): MaskableElement | undefined {
    return this.#field;
  }

  connectedCallback(): void {
    this.#observer = new MutationObserver(() => {
      if (this.querySelector(FIELD) !== this.#field) this.#reattach();
    });
    this.#observer.observe(this, { childList: true, subtree: true });
    this.#reattach();
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#detach?.();
    this.#detach = undefined;
    this.#field = undefined;
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#reattach();
  }

  #reattach(): void {
    this.#detach?.();
    this.#detach = undefined;
    this.#field = this.querySelector<HTMLElement>(FIELD) ?? undefined;
    if (!this.#field) return;
    const maskCharacter = this.getAttribute('mask-character');
    this.#detach = attachCardMasker(this.#field, {
      ...this.#options,
      ...(maskCharacter ? { maskCharacter } : {}),
      ...(this.hasAttribute('show-first-six') ? { showFirstSix: true } : {}),
      ...(this.hasAttribute('keep-expiry-and-code') ? { maskExpiryAndCode: false } : {}),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-card-masker': ChatPayCardMasker;
  }
}
