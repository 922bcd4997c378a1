import type { AgentRequest, CardDetails } from '@chatpay/core';
import {
  actorChanges,
  buttonStyles,
  defaultTokens,
  FollowController,
  localeFor,
  messagesFor,
  reducedMotion,
  visuallyHidden,
} from '@chatpay/ui';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { groupCardNumber } from '../card-number-groups.js';
import { CountdownController, deadlineOf, formatDuration } from '../countdown.js';
import { CARD_VIEWER_MESSAGES_EN, type CardViewerMessages } from './card-viewer.messages.js';
import { cardViewerStyles } from './card-viewer.styles.js';
import { clearSystemClipboard, CopiedValue, type ClearClipboard } from './clipboard-clearing.js';

export {
  clearSystemClipboard,
  type ClearClipboard,
  type ClipboardAccess,
  type ClipboardClearing,
} from './clipboard-clearing.js';

type CardField = 'number' | 'name' | 'expiry' | 'securityCode' | 'brand' | 'postalCode';

const COPIED_FOR_MS = 3000;
/** How long a copied value stays in the clipboard by default, in seconds. */
const CLIPBOARD_CLEAR_AFTER_S = 30;
/** The details written left to right and kept on one line in every language. */
const DIGITS: readonly CardField[] = ['number', 'expiry', 'securityCode'];
const LAST_MINUTE_MS = 60_000;

/** The system clipboard; rejects where the page may not write to it. */
const writeToClipboard = (text: string): Promise<void> =>
  navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error('No clipboard here.'));

/** A value this viewer put in the clipboard and has not taken out yet (remembered by digest, never as text). */
interface InClipboard {
  readonly field: CardField;
  /** Null where the page cannot make the digest: the clipboard is then overwritten without looking. */
  readonly value: CopiedValue | null;
  stopTimer: (() => void) | undefined;
  clearing: boolean;
  /** The card closed and clearing was tried then: once, so a browser that refuses is not asked at every render. */
  triedAtClose: boolean;
}

/**
 * Opens the sealed card of a request and shows its details to copy into the agent's own payment
 * system, with a countdown to the end of the view window, then Mark as Completed. The details are
 * read from the session at each render and never kept by the element: when the window ends, on
 * completion or cancellation, they leave the DOM. By default they are also hidden while the agent's
 * window is not focused.
 *
 * What the agent copies is taken out of the clipboard again after `clipboard-clear-after` seconds
 * (30 by default; 0 waits for the card to close), and at once when the view window ends, the request
 * is completed or cancelled, or the viewer leaves the page. Where the browser lets the page read the
 * clipboard without asking, it is wiped only while it still holds the copied value; elsewhere it is
 * overwritten. Where the browser refuses to write (some do without a click), the viewer says so with
 * a Clear the clipboard button, and tries again when the agent's window is focused again and on Mark
 * as Completed and Cancel request.
 *
 * @tag chatpay-card-viewer
 * @csspart base - The viewer.
 * @csspart details - The list of card details.
 * @csspart copy - Each Copy button.
 * @csspart time-left - The countdown.
 * @csspart complete - The Mark as Completed button.
 * @csspart cancel - The Cancel request button.
 * @csspart clipboard-note - The note that a copied value will be cleared from the clipboard, or could not be.
 * @csspart clear-clipboard - The Clear the clipboard button, shown when the browser refused to clear it by itself.
 * @cssproperty --chatpay-card-viewer-gap - Space between the parts.
 * @cssproperty --chatpay-card-viewer-value-font - The font of the card values.
 * @cssproperty --chatpay-card-viewer-color - Its text colour.
 */
export class ChatPayCardViewer extends LitElement {
  static override styles = [defaultTokens, reducedMotion, buttonStyles, visuallyHidden, cardViewerStyles];
  static override properties = {
    request: { attribute: false },
    locale: { type: String },
    messages: { attribute: false },
    visibleWhenUnfocused: { type: Boolean, attribute: 'visible-when-unfocused' },
    copy: { attribute: false },
    clipboardClearAfter: { type: Number, attribute: 'clipboard-clear-after' },
    clearClipboard: { attribute: false },
  };

  /** The request whose card to show, from the `AgentSession` that sent it. */
  declare request: AgentRequest | undefined;
  /** The locale for the countdown. Default: the document's language. */
  declare locale: string | undefined;
  /** Overrides of its words (see `CARD_VIEWER_MESSAGES_EN`). */
  declare messages: Partial<CardViewerMessages>;
  /** Keep the details on screen while the agent's window is in the background. Default: hidden then. */
  declare visibleWhenUnfocused: boolean;
  /** Writes a value to the clipboard. Default: the system clipboard. */
  declare copy: (text: string) => Promise<void>;
  /**
   * Seconds after a copy at which the value is cleared from the clipboard; 0 clears it only when the
   * card closes (the window ends, completion, cancellation, the viewer removed). A value that is not
   * a number of seconds of 0 or more counts as 30.
   */
  declare clipboardClearAfter: number;
  /**
   * Takes a copied value back out of the clipboard; `isOurs` says whether a text read back is what the
   * viewer copied. Default: the system clipboard, read where the browser allows it without asking.
   */
  declare clearClipboard: ClearClipboard;

  /** The request whose card this element asked the session to open (it is opened once). */
  #openedFor: string | undefined;
  #refused: 'not-yours' | 'failed' | null = null;
  #focused = true;
  #copied: CardField | null = null;
  #stopCopiedTimer: (() => void) | undefined;
  #announcement = '';
  #inClipboard: InClipboard | null = null;
  /** The last try to clear the clipboard was refused by the browser: said on screen, tried again later. */
  #clipboardStuck = false;
  readonly #countdown = new CountdownController(this, () => deadlineOf(this.request));

  constructor() {
    super();
    // Re-renders on every change of what the element shows.
    new FollowController(this, () => this.request?.actor, actorChanges);
    this.messages = {};
    this.visibleWhenUnfocused = false;
    this.copy = writeToClipboard;
    this.clipboardClearAfter = CLIPBOARD_CLEAR_AFTER_S;
    this.clearClipboard = (isOurs) => clearSystemClipboard(isOurs);
  }

  get #words(): CardViewerMessages {
    return messagesFor('chatpay-card-viewer', localeFor(this.locale), CARD_VIEWER_MESSAGES_EN, this.messages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#focused = document.hasFocus() && document.visibilityState === 'visible';
    window.addEventListener('blur', this.#onWindowFocus);
    window.addEventListener('focus', this.#onWindowFocus);
    document.addEventListener('visibilitychange', this.#onWindowFocus);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('blur', this.#onWindowFocus);
    window.removeEventListener('focus', this.#onWindowFocus);
    document.removeEventListener('visibilitychange', this.#onWindowFocus);
    this.#clearCopied();
    // The viewer goes: so does what it put in the clipboard.
    void this.#takeBackFromClipboard();
    // Taken out of the page, it keeps no card in its DOM: this update renders without it.
    this.requestUpdate();
  }

  readonly #onWindowFocus = (event: Event): void => {
    this.#focused =
      event.type === 'focus' ||
      (event.type === 'visibilitychange' && document.visibilityState === 'visible' && document.hasFocus());
    if (this.#focused) this.#retryClearing();
    this.requestUpdate();
  };

  #retryClearing(): void {
    if (this.#clipboardStuck) void this.#takeBackFromClipboard();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('request')) {
      this.#refused = null;
      this.#clearCopied();
      // What was copied from the card shown before leaves the clipboard with it.
      void this.#takeBackFromClipboard();
    }
  }

  protected override updated(): void {
    const request = this.request;
    // The view window ended, or the request was completed or cancelled: the copied value goes too.
    const held = this.#inClipboard;
    if (held && !held.triedAtClose && request?.timeline().phase !== 'cardViewing') {
      held.triedAtClose = true;
      void this.#takeBackFromClipboard();
    }
    // Only a viewer in the page opens the card: one rendered while out of it does not.
    if (!this.isConnected || !request || request.observed || this.#openedFor === request.requestId) return;
    // Opened after this update, not during it.
    if (request.timeline().phase === 'cardSubmitted') queueMicrotask(() => void this.#open(request));
  }

  async #open(request: AgentRequest): Promise<void> {
    if (!this.isConnected || this.#openedFor === request.requestId || request !== this.request) return;
    this.#openedFor = request.requestId;
    const opened = await request.viewCard();
    if (!opened.ok && request === this.request) {
      this.#refused = opened.error.code === 'not-your-request' ? 'not-yours' : 'failed';
    }
    this.requestUpdate();
  }

  async #copyValue(field: CardField, label: string, value: string): Promise<void> {
    const words = this.#words;
    this.#clearCopied();
    const request = this.request;
    // Written at once, inside the agent's click: some browsers allow the clipboard only then.
    const copying = (async () => this.copy(value))();
    const remembering = CopiedValue.of(value).catch(() => null);
    let copied = false;
    try {
      await copying;
      copied = true;
    } catch {
      this.#announcement = words.copyFailed;
    }
    if (copied) this.#keepInClipboard(field, await remembering);
    const clock = request?.clock;
    // Gone from the page, or showing another request, while the copy was under way: nothing to show,
    // and nothing left in the clipboard.
    if (!this.isConnected || request !== this.request || !request?.card()) {
      this.#clearCopied();
      void this.#takeBackFromClipboard();
      return;
    }
    if (copied) {
      // The brand is not card data: only the card's own fields are audit facts.
      if (field !== 'brand') request.recordCopy(field);
      this.#copied = field;
      this.#announcement = `${words.copiedField(label)} ${this.#clearingNote(words)}`;
    }
    if (clock) {
      const handle = clock.setTimeout(() => {
        this.#copied = null;
        this.#announcement = '';
        this.requestUpdate();
      }, COPIED_FOR_MS);
      this.#stopCopiedTimer = () => clock.clearTimeout(handle);
    }
    this.requestUpdate();
  }

  /** The clipboard now holds `field`'s value (whatever was there before is overwritten): it is cleared in time. */
  #keepInClipboard(field: CardField, value: CopiedValue | null): void {
    this.#inClipboard?.stopTimer?.();
    const held: InClipboard = { field, value, stopTimer: undefined, clearing: false, triedAtClose: false };
    this.#inClipboard = held;
    this.#clipboardStuck = false;
    const clock = this.request?.clock;
    const after = this.#clearAfterMs;
    if (!clock || after === 0) return;
    const handle = clock.setTimeout(() => {
      held.stopTimer = undefined;
      void this.#takeBackFromClipboard();
    }, after);
    held.stopTimer = () => clock.clearTimeout(handle);
  }

  /** Takes the copied value back out of the clipboard, if it is still there; says so when the browser refuses. */
  async #takeBackFromClipboard(): Promise<void> {
    const held = this.#inClipboard;
    if (!held || held.clearing) return;
    held.stopTimer?.();
    held.stopTimer = undefined;
    held.clearing = true;
    // Asked just before the clipboard is written: a newer copy since is not to be wiped, and what
    // cannot be read (or recognised) is overwritten.
    const isOurs = async (text?: string) =>
      this.#inClipboard === held && (text === undefined || !held.value || (await held.value.is(text)));
    let refused = false;
    try {
      await this.clearClipboard(isOurs);
    } catch {
      refused = true;
    }
    held.clearing = false;
    // A newer copy replaced it meanwhile: that one has its own turn.
    if (this.#inClipboard !== held) return;
    if (refused) {
      this.#clipboardStuck = true;
    } else {
      this.#inClipboard = null;
      this.#clipboardStuck = false;
    }
    this.requestUpdate();
  }

  get #clearAfterMs(): number {
    const seconds = this.clipboardClearAfter;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
      ? seconds * 1000
      : CLIPBOARD_CLEAR_AFTER_S * 1000;
  }

  /** When the copied value leaves the clipboard, in the viewer's words. */
  #clearingNote(words: CardViewerMessages): string {
    const after = this.#clearAfterMs;
    if (after === 0) return words.clipboardClearedAtEnd;
    const seconds = new Intl.NumberFormat(this.#locale, { style: 'unit', unit: 'second', unitDisplay: 'long' });
    return words.clipboardClearedAfter(seconds.format(after / 1000));
  }

  #clearCopied(): void {
    this.#stopCopiedTimer?.();
    this.#stopCopiedTimer = undefined;
    this.#copied = null;
    this.#announcement = '';
  }

  #details(card: CardDetails) {
    const words = this.#words;
    const rows: [CardField, string, string][] = [
      ['number', words.number, groupCardNumber(card.number, card.brand)],
      ['name', words.name, card.name],
      ['expiry', words.expiry, card.expiry],
      ['securityCode', words.securityCode, card.securityCode],
      ['brand', words.brand, words.brandName(card.brand)],
      ...(card.postalCode ? [['postalCode', words.postalCode, card.postalCode] as [CardField, string, string]] : []),
    ];
    return html`<dl part="details">
      ${rows.map(
        ([field, label, shown]) =>
          html`<div class="row">
            <dt>${label}</dt>
            <dd>
              ${
                // A card number, an expiry or a code reads left to right in every language; a name,
                // a brand or a postal code keeps its own direction.
                DIGITS.includes(field)
                  ? html`<bdi class="value digits" dir="ltr">${shown}</bdi>`
                  : html`<bdi class="value">${shown}</bdi>`
              }
              <button
                part="copy"
                type="button"
                aria-label=${words.copy(label)}
                @click=${() => this.#copyValue(field, label, field === 'number' ? card.number : shown)}
              >
                ${words.copyButton}
              </button>
              <span class="feedback" aria-hidden="true">${this.#copied === field ? words.copied : ''}</span>
              ${
                this.#inClipboard?.field === field && !this.#clipboardStuck
                  ? html`<span part="clipboard-note" class="note">${this.#clearingNote(words)}</span>`
                  : nothing
              }
            </dd>
          </div>`,
      )}
    </dl>`;
  }

  #viewing(request: AgentRequest) {
    const words = this.#words;
    const card = request.card();
    if (!card) return html`<p class="message">${words.ended}</p>`;
    const shown = this.isConnected && (this.#focused || this.visibleWhenUnfocused);
    return html`${shown ? this.#details(card) : html`<p class="message">${words.hidden}</p>`}
      <div class="actions">
        <button part="complete" class="primary" type="button" @click=${() => this.#end(() => request.complete())}>
          ${words.complete}
        </button>
        <button part="cancel" type="button" @click=${() => this.#end(() => request.cancel())}>${words.cancel}</button>
      </div>`;
  }

  /** Completing or cancelling: the clipboard is cleared first, while the agent's click still counts. */
  #end(action: () => unknown): void {
    void this.#takeBackFromClipboard();
    action();
  }

  #body(request: AgentRequest) {
    const words = this.#words;
    if (request.observed || this.#refused === 'not-yours') return html`<p class="message">${words.notYours}</p>`;
    const { phase } = request.timeline();
    if (this.#refused === 'failed' && phase !== 'cardViewing' && phase !== 'cardRejected') {
      return html`<p class="message error" role="alert">${words.openFailed}</p>`;
    }
    switch (phase) {
      case 'cardViewing':
        return this.#viewing(request);
      case 'cardSubmitted':
      case 'opening':
        return html`<p class="message">${words.opening}</p>`;
      case 'completed':
        return html`<p class="message">${words.completed}</p>`;
      case 'cardExpired':
        return html`<p class="message">${words.expired}</p>`;
      case 'cancelled':
        return html`<p class="message">${words.cancelled}</p>`;
      case 'cardRejected':
        return html`<p class="message error">${words.unreadable}</p>`;
      case 'declined':
      case 'requestExpired':
        return html`<p class="message">${words.ended}</p>`;
      default:
        return html`<p class="message">${words.notYet}</p>`;
    }
  }

  protected override render() {
    const request = this.request;
    if (!request) return nothing;
    const words = this.#words;
    const phase = request.timeline().phase;
    const left = phase === 'cardViewing' && !request.observed ? this.#countdown.remaining() : null;
    const warning = left !== null && left <= LAST_MINUTE_MS ? words.lastMinute : '';
    // An article, not a landmark: the console may show several requests' viewers at once.
    return html`<article part="base" aria-label=${words.title}>
      ${
        left === null
          ? nothing
          : html`<p part="time-left" role="timer">${words.visibleFor(formatDuration(left, this.#locale))}</p>`
      }
      ${this.#body(request)}
      ${
        this.#clipboardStuck
          ? html`<div class="stuck">
              <p part="clipboard-note" class="message error" role="alert">${words.clipboardNotCleared}</p>
              <button part="clear-clipboard" type="button" @click=${() => void this.#takeBackFromClipboard()}>
                ${words.clearClipboard}
              </button>
            </div>`
          : nothing
      }
      <p class="visually-hidden" role="status">${this.#announcement || warning}</p>
    </article>`;
  }

  get #locale(): string | undefined {
    return localeFor(this.locale);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-card-viewer': ChatPayCardViewer;
  }
}
