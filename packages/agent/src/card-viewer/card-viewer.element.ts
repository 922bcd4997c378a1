import type { CardDefinition } from '@chatpay/cards';
import type { AgentRequest } from '@chatpay/core';
import {
  actorChanges,
  buttonStyles,
  defaultTokens,
  FollowController,
  localeFor,
  messagesFor,
  reducedMotion,
  urgentStyles,
  visuallyHidden,
} from '@chatpay/ui';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { CountdownController, deadlineOf } from '../countdown.js';
import {
  clearAfterMs,
  clearingNote,
  connectCardViewer,
  isCounting,
  openRefusalOf,
  viewerStateOf,
  type CardRow,
  type OpenRefusal,
} from './card-viewer.connect.js';
import { CARD_VIEWER_MESSAGES_EN, type CardViewerMessages } from './card-viewer.messages.js';
import { chargePart, detailsPart, timeLeftPart } from './card-viewer.parts.js';
import { cardViewerStyles } from './card-viewer.styles.js';
import { clearSystemClipboard, CopiedValue, writeToClipboard, type ClearClipboard } from './clipboard-clearing.js';
import { ClipboardKeeper } from './clipboard-keeper.js';
import { CopyFeedback } from './copy-feedback.js';
import { WindowFocusController } from './window-focus.js';

/** How long a copied value stays in the clipboard by default, in seconds. */
const CLIPBOARD_CLEAR_AFTER_S = 30;

export { clearSystemClipboard, type ClearClipboard } from './clipboard-clearing.js';
export type { ClipboardAccess, ClipboardClearing } from './clipboard-clearing.js';

/**
 * Opens the sealed card of a request and shows its details to copy into the agent's own payment
 * system, next to the amount to charge and the reason the request gives, with a countdown to the end
 * of the view window (drawn as urgent in its last minute, and announced once as it begins), then Mark
 * as Completed. The details are
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
 * @csspart charge - The amount to charge and the reason, next to the card.
 * @csspart amount - The amount to charge.
 * @csspart reason - The reason for the charge, as text.
 * @csspart details - The list of card details.
 * @csspart copy - Each Copy button.
 * @csspart time-left - The countdown.
 * @csspart urgent - The countdown in its last minute (it also carries `data-urgent`).
 * @csspart complete - The Mark as Completed button.
 * @csspart cancel - The Cancel request button.
 * @csspart clipboard-note - The note that a copied value will be cleared from the clipboard, or could not be.
 * @csspart clear-clipboard - The Clear the clipboard button, shown when the browser refused to clear it by itself.
 * @cssproperty --chatpay-card-viewer-gap - Space between the parts.
 * @cssproperty --chatpay-card-viewer-value-font - The font of the card values.
 * @cssproperty --chatpay-card-viewer-color - Its text colour.
 */
export class ChatPayCardViewer extends LitElement {
  static override styles = [defaultTokens, reducedMotion, buttonStyles, visuallyHidden, urgentStyles, cardViewerStyles];
  static override properties = {
    request: { attribute: false },
    locale: { type: String },
    messages: { attribute: false },
    visibleWhenUnfocused: { type: Boolean, attribute: 'visible-when-unfocused' },
    copy: { attribute: false },
    clipboardClearAfter: { type: Number, attribute: 'clipboard-clear-after' },
    clearClipboard: { attribute: false },
    extraCards: { attribute: false },
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
  /** The extra card definitions the customer's form was given (gift, private-label), so their numbers group as printed. */
  declare extraCards: readonly CardDefinition[];

  /** The request whose card this element asked the session to open (it is opened once). */
  #openedFor: string | undefined;
  #refused: OpenRefusal | null = null;
  readonly #window = new WindowFocusController(this, () => this.#clipboard.retry());
  readonly #feedback = new CopyFeedback(() => this.requestUpdate());
  readonly #clipboard = new ClipboardKeeper({
    clock: () => this.request?.clock,
    clearAfterMs: () => clearAfterMs(this.clipboardClearAfter, CLIPBOARD_CLEAR_AFTER_S),
    clear: (isOurs) => this.clearClipboard(isOurs),
    changed: () => this.requestUpdate(),
  });
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
    this.extraCards = [];
  }

  get #words(): CardViewerMessages {
    return messagesFor('chatpay-card-viewer', this.#locale, CARD_VIEWER_MESSAGES_EN, this.messages);
  }

  get #locale(): string | undefined {
    return localeFor(this.locale);
  }

  /** The card shown goes (the viewer leaves the page, or shows another request): so does what it put in the clipboard. */
  #letGo(): void {
    this.#feedback.clear();
    void this.#clipboard.takeBack();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#letGo();
    // Taken out of the page, it keeps no card in its DOM: this update renders without it.
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('request')) {
      this.#refused = null;
      this.#letGo();
    }
  }

  protected override updated(): void {
    const request = this.request;
    const phase = request?.timeline().phase;
    // The view window ended, or the request was completed or cancelled: the copied value goes too.
    if (phase !== 'cardViewing') this.#clipboard.cardClosed();
    // Only a viewer in the page opens the card (once), after this update rather than during it.
    if (this.isConnected && request && !request.observed && phase === 'cardSubmitted') {
      queueMicrotask(() => void this.#open(request));
    }
  }

  async #open(request: AgentRequest): Promise<void> {
    if (!this.isConnected || this.#openedFor === request.requestId || request !== this.request) return;
    this.#openedFor = request.requestId;
    const opened = await request.viewCard();
    if (!opened.ok && request === this.request) this.#refused = openRefusalOf(opened.error);
    this.requestUpdate();
  }

  async #copyValue(row: CardRow): Promise<void> {
    const { field, label, value } = row;
    const words = this.#words;
    this.#feedback.clear();
    const request = this.request;
    // Written at once, inside the agent's click: some browsers allow the clipboard only then.
    const copying = (async () => this.copy(value))();
    const remembering = CopiedValue.of(value).catch(() => null);
    const copied = await copying.then(() => true).catch(() => false);
    if (copied) this.#clipboard.keep(field, await remembering);
    // Gone from the page, or showing another request, while the copy was under way: nothing to show,
    // and nothing left in the clipboard.
    if (!this.isConnected || request !== this.request || !request?.card()) return this.#letGo();
    // The brand is not card data: only the card's own fields are audit facts.
    if (copied && field !== 'brand') request.recordCopy(field);
    const said = copied ? `${words.copiedField(label)} ${this.#clearingNote(words)}` : words.copyFailed;
    this.#feedback.say(copied ? field : null, said, request.clock);
    this.requestUpdate();
  }

  #clearingNote(words: CardViewerMessages): string {
    return clearingNote(clearAfterMs(this.clipboardClearAfter, CLIPBOARD_CLEAR_AFTER_S), words, this.#locale);
  }

  /** Completing or cancelling: the clipboard is cleared first, while the agent's click still counts. */
  #end(action: 'complete' | 'cancel'): void {
    void this.#clipboard.takeBack();
    void (action === 'complete' ? this.request?.complete() : this.request?.cancel());
  }

  protected override render() {
    const request = this.request;
    if (!request) return nothing;
    const words = this.#words;
    const own = {
      refused: this.#refused,
      visible: this.isConnected && (this.#window.focused || this.visibleWhenUnfocused),
      left: isCounting(request.timeline().phase, request.observed) ? this.#countdown.remaining() : null,
      locale: this.#locale,
      feedback: this.#feedback,
      clipboard: this.#clipboard,
      clearingNote: this.#clearingNote(words),
      extraCards: this.extraCards,
    };
    const view = connectCardViewer(viewerStateOf(request, own), words);
    const { message } = view;
    // An article, not a landmark: the console may show several requests' viewers at once.
    return html`<article part="base" aria-label=${words.title}>
      ${view.charge ? chargePart(view.charge) : nothing} ${timeLeftPart(view)}
      ${view.rows ? detailsPart(view.rows, words, (row) => void this.#copyValue(row)) : nothing}
      ${
        message
          ? html`<p class=${message.error ? 'message error' : 'message'} role=${message.alert ? 'alert' : nothing}>
              ${message.text}
            </p>`
          : nothing
      }
      ${
        view.actions.length
          ? html`<div class="actions">
              ${view.actions.map(
                (action) =>
                  html`<button
                    part=${action}
                    class=${action === 'complete' ? 'primary' : nothing}
                    type="button"
                    @click=${() => this.#end(action)}
                  >
                    ${action === 'complete' ? words.complete : words.cancel}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      ${
        view.clipboardStuck
          ? html`<div class="stuck">
              <p part="clipboard-note" class="message error" role="alert">${words.clipboardNotCleared}</p>
              <button part="clear-clipboard" type="button" @click=${() => void this.#clipboard.takeBack()}>
                ${words.clearClipboard}
              </button>
            </div>`
          : nothing
      }
      <p class="visually-hidden" role="status">${view.announced}</p>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-card-viewer': ChatPayCardViewer;
  }
}
