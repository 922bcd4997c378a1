import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Follows whether the agent's window is focused and visible, while its host is in the page: the card
 * viewer hides the details while it is not. `onFocus` runs each time the window is focused again.
 */
export class WindowFocusController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onFocus: () => void;
  #focused = true;

  constructor(host: ReactiveControllerHost, onFocus: () => void) {
    this.#host = host;
    this.#onFocus = onFocus;
    host.addController(this);
  }

  get focused(): boolean {
    return this.#focused;
  }

  hostConnected(): void {
    this.#focused = document.hasFocus() && document.visibilityState === 'visible';
    window.addEventListener('blur', this.#changed);
    window.addEventListener('focus', this.#changed);
    document.addEventListener('visibilitychange', this.#changed);
  }

  hostDisconnected(): void {
    window.removeEventListener('blur', this.#changed);
    window.removeEventListener('focus', this.#changed);
    document.removeEventListener('visibilitychange', this.#changed);
  }

  readonly #changed = (event: Event): void => {
    this.#focused =
      event.type === 'focus' ||
      (event.type === 'visibilitychange' && document.visibilityState === 'visible' && document.hasFocus());
    if (this.#focused) this.#onFocus();
    this.#host.requestUpdate();
  };
}
