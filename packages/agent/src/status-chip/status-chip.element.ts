import type { AgentRequest } from '@chatpay/core';
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
import type { CardViewerMessages } from '../card-viewer/card-viewer.messages.js';
import { CountdownController, deadlineOf, formatDuration } from '../countdown.js';
import { chipStateOf, connectStatusChip, type ChipView } from './status-chip.connect.js';
import { STATUS_CHIP_MESSAGES_EN, type StatusChipMessages } from './status-chip.messages.js';
import { statusChipStyles } from './status-chip.styles.js';

/** What `chatpay-view-card` carries. */
export interface ViewCardDetail {
  readonly requestId: string;
  readonly conversationId: string;
}

/** What `chatpay-request-replaced` carries. */
export interface RequestReplacedDetail {
  /** The new request, sent in place of the old one. */
  readonly requestId: string;
  readonly conversationId: string;
  /** The request it replaces (the customer's chat ends that one as replaced). */
  readonly replacedRequestId: string;
}

/**
 * A request's status on the conversation timeline: WAITING FOR CUSTOMER with the time left, VIEW CARD,
 * TRY AGAIN (retries the send), REQUEST EXPIRED, CUSTOMER DECLINED PAYMENT, and the outcomes. Changes
 * are announced politely. A request that is still waiting can be cancelled.
 *
 * VIEW CARD fires `chatpay-view-card`; unless a listener calls `preventDefault()` (to show the card
 * its own way), the chip opens a `<chatpay-card-viewer>` in a modal dialog.
 *
 * A request nobody vouched for (development mode) carries an UNVERIFIED badge. VIEW CARD is offered
 * only where the card can be opened: a request whose keys are not in this browser says it can't be
 * opened here and offers Send new request; one held by the agent's other tab says so and offers
 * nothing; one whose card was already viewed on this device offers Mark as Completed and Cancel; one
 * that two different customers answered warns, and offers Cancel, then Send new request.
 *
 * Send new request sends a fresh request for the same amount and reason and fires
 * `chatpay-request-replaced`; unless a listener calls `preventDefault()` (to give the new request a
 * chip of its own), the chip then follows the new request.
 *
 * @tag chatpay-status-chip
 * @event chatpay-view-card - VIEW CARD was chosen. Cancelable. `detail`: `{ requestId, conversationId }`.
 * @event chatpay-request-replaced - Send new request sent a new request in place of this one. Cancelable (the chip then stays on the old one). `detail`: `{ requestId, conversationId, replacedRequestId }`.
 * @csspart base - The chip and its actions.
 * @csspart label - The status (a button for VIEW CARD and TRY AGAIN).
 * @csspart time-left - The countdown.
 * @csspart unverified - The UNVERIFIED badge, on a request nobody vouched for.
 * @csspart note - Why the card cannot be opened here, or what else to do.
 * @csspart cancel - The Cancel request button.
 * @csspart keep - Keep it, when asked whether to cancel.
 * @csspart confirm-cancel - Yes, cancel, when asked whether to cancel.
 * @csspart complete - The Mark as Completed button, for a card already viewed on this device.
 * @csspart request-again - The Send new request button.
 * @csspart dialog - The dialog the card viewer opens in.
 * @csspart close - The dialog's Close button.
 * @cssproperty --chatpay-status-chip-radius - The chip's corner radius.
 * @cssproperty --chatpay-status-chip-border-color - The chip's border.
 * @cssproperty --chatpay-status-chip-action-background - VIEW CARD and TRY AGAIN's background.
 * @cssproperty --chatpay-status-chip-action-color - VIEW CARD and TRY AGAIN's text colour.
 * @cssproperty --chatpay-status-chip-color - Its text colour.
 * @cssproperty --chatpay-status-chip-warning-color - The UNVERIFIED badge's and warnings' border and mark.
 */
export class ChatPayStatusChip extends LitElement {
  static override styles = [defaultTokens, reducedMotion, buttonStyles, visuallyHidden, statusChipStyles];
  static override properties = {
    request: { attribute: false },
    locale: { type: String },
    messages: { attribute: false },
    viewerMessages: { attribute: false },
  };

  /** The request, from an `AgentSession`. */
  declare request: AgentRequest | undefined;
  /** The locale for the countdown. Default: the document's language. */
  declare locale: string | undefined;
  /** Overrides of its words (see `STATUS_CHIP_MESSAGES_EN`). */
  declare messages: Partial<StatusChipMessages>;
  /** Overrides of the words of the card viewer the chip opens. */
  declare viewerMessages: Partial<CardViewerMessages>;

  #confirmingCancel = false;
  #requestAgainFailed = false;
  /** A new request was sent in place of this one (the host kept the chip here): it is not offered twice. */
  #sentAgain = false;
  #viewerOpen = false;
  readonly #countdown = new CountdownController(this, () => deadlineOf(this.request));

  constructor() {
    super();
    // Re-renders on every change of what the element shows.
    new FollowController(this, () => this.request?.actor, actorChanges);
    this.messages = {};
    this.viewerMessages = {};
  }

  get #words(): StatusChipMessages {
    return messagesFor('chatpay-status-chip', localeFor(this.locale), STATUS_CHIP_MESSAGES_EN, this.messages);
  }

  async #viewCard(): Promise<void> {
    const request = this.request!;
    const detail: ViewCardDetail = { requestId: request.requestId, conversationId: request.conversationId };
    const event = new CustomEvent('chatpay-view-card', { detail, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(event)) return;
    this.#viewerOpen = true;
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  #closeViewer(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  /** The dialog closed (Close, Escape): the viewer leaves the DOM with whatever it showed. */
  #viewerClosed(): void {
    this.#viewerOpen = false;
    this.requestUpdate();
    void this.#refocus();
  }

  /** After an action that may remove the focused control: focus the status itself, or the chip. */
  async #refocus(): Promise<void> {
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>('button[part~="label"]') ??
      this.renderRoot.querySelector<HTMLElement>('[part~="base"]');
    target?.focus();
  }

  async #askCancel(asking: boolean): Promise<void> {
    this.#confirmingCancel = asking;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(asking ? '[part~="keep"]' : '[part~="cancel"]')?.focus();
  }

  #cancel(): void {
    this.#confirmingCancel = false;
    this.request?.cancel();
    void this.#refocus();
  }

  /** Mark as Completed, for a card already viewed on this device. */
  #complete(): void {
    this.#confirmingCancel = false;
    this.request?.complete();
    void this.#refocus();
  }

  /**
   * Send new request: a fresh request for the same amount and reason. Unless a listener of
   * `chatpay-request-replaced` calls `preventDefault()`, the chip follows the new request.
   */
  #requestAgain(): void {
    const request = this.request;
    if (!request) return;
    const sent = request.requestAgain();
    if (!sent.ok) {
      this.#requestAgainFailed = true;
      this.requestUpdate();
      return;
    }
    const detail: RequestReplacedDetail = {
      requestId: sent.value.requestId,
      conversationId: sent.value.conversationId,
      replacedRequestId: request.requestId,
    };
    const event = new CustomEvent('chatpay-request-replaced', {
      detail,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    this.#sentAgain = true;
    if (this.dispatchEvent(event)) this.request = sent.value;
    this.requestUpdate();
    void this.#refocus();
  }

  #label(view: ChipView) {
    const problem = view.problem ? 'problem' : '';
    const click =
      view.labelAction === 'view-card'
        ? () => void this.#viewCard()
        : view.labelAction === 'retry'
          ? () => this.request?.retry()
          : view.labelAction === 'send'
            ? () => this.request?.send()
            : null;
    if (click) {
      return html`<button part="label" class=${problem} type="button" @click=${click}>${view.label}</button>`;
    }
    return html`<span part="label" class=${problem} aria-hidden="true">${view.label}</span>`;
  }

  #actions(view: ChipView) {
    const words = this.#words;
    const described = view.note ? 'note' : nothing;
    const actions = view.actions.filter((action) => action !== 'request-again' || !this.#sentAgain);
    return actions.map((action) => {
      if (action === 'complete') {
        return html`<button part="complete" type="button" aria-describedby=${described} @click=${this.#complete}>
          ${words.complete}
        </button>`;
      }
      if (action === 'request-again') {
        return html`<button
          part="request-again"
          class="primary"
          type="button"
          aria-describedby=${described}
          @click=${this.#requestAgain}
        >
          ${words.requestAgain}
        </button>`;
      }
      if (!this.#confirmingCancel) {
        return html`<button
          part="cancel"
          type="button"
          aria-describedby=${described}
          @click=${() => this.#askCancel(true)}
        >
          ${words.cancel}
        </button>`;
      }
      return html`<span role="group" aria-label=${words.cancelQuestion}>
        <span aria-hidden="true">${words.cancelQuestion}</span>
        <button part="keep" type="button" @click=${() => this.#askCancel(false)}>${words.keep}</button>
        <button part="confirm-cancel" type="button" @click=${this.#cancel}>${words.confirmCancel}</button>
      </span>`;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another request: nothing asked or failed about the last one carries over.
    if (changed.has('request')) {
      this.#confirmingCancel = false;
      this.#requestAgainFailed = false;
      this.#sentAgain = false;
    }
  }

  protected override render() {
    const request = this.request;
    if (!request) return nothing;
    const words = this.#words;
    const view = connectStatusChip(chipStateOf(request), words);
    const left = this.#countdown.remaining();
    return html`<span part="base" tabindex="-1">
        ${
          view.badge
            ? html`<span part="unverified" class="badge">${view.badge.text}</span>
                <span class="note">${view.badge.description}</span>`
            : nothing
        }
        ${this.#label(view)}
        ${
          left === null
            ? nothing
            : html`<span part="time-left" role="timer">${words.timeLeft(formatDuration(left, this.#locale))}</span>`
        }
        ${
          view.note
            ? html`<span id="note" part="note" class=${view.note.warning ? 'note warning' : 'note'} aria-hidden="true">
                ${view.note.text}
              </span>`
            : nothing
        }
        ${this.#actions(view)}
        ${
          this.#requestAgainFailed
            ? html`<span class="note warning" role="alert">${words.requestAgainFailed}</span>`
            : nothing
        }
        <span class="visually-hidden" role="status">${view.announced}</span>
      </span>
      ${
        this.#viewerOpen
          ? html`<dialog part="dialog" aria-labelledby="viewer-title" @close=${this.#viewerClosed}>
              <header>
                <h2 id="viewer-title">${words.viewerTitle}</h2>
                <button type="button" part="close" @click=${this.#closeViewer}>${words.close}</button>
              </header>
              <chatpay-card-viewer
                .request=${request}
                .locale=${this.locale}
                .messages=${this.viewerMessages}
              ></chatpay-card-viewer>
            </dialog>`
          : nothing
      }`;
  }

  get #locale(): string | undefined {
    return localeFor(this.locale);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-status-chip': ChatPayStatusChip;
  }
  interface HTMLElementEventMap {
    'chatpay-view-card': CustomEvent<ViewCardDetail>;
  }
  // Bubbles out of the chip to the document: typed for every listener, not only the chip's.
  interface GlobalEventHandlersEventMap {
    'chatpay-request-replaced': CustomEvent<RequestReplacedDetail>;
  }
}
