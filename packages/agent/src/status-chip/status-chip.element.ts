import type { AgentRequest, AgentStatus } from '@chatpay/core';
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
import { html, LitElement, nothing } from 'lit';
import type { CardViewerMessages } from '../card-viewer/card-viewer.messages.js';
import { CountdownController, deadlineOf, formatDuration } from '../countdown.js';
import { STATUS_CHIP_MESSAGES_EN, type StatusChipMessages } from './status-chip.messages.js';
import { statusChipStyles } from './status-chip.styles.js';

/** What `chatpay-view-card` carries. */
export interface ViewCardDetail {
  readonly requestId: string;
  readonly conversationId: string;
}

/** Statuses drawn as a problem. */
const PROBLEMS: ReadonlySet<AgentStatus> = new Set(['try-again', 'card-rejected']);

/**
 * A request's status on the conversation timeline: WAITING FOR CUSTOMER with the time left, VIEW CARD,
 * TRY AGAIN (retries the send), REQUEST EXPIRED, CUSTOMER DECLINED PAYMENT, and the outcomes. Changes
 * are announced politely. A request that is still waiting can be cancelled.
 *
 * VIEW CARD fires `chatpay-view-card`; unless a listener calls `preventDefault()` (to show the card
 * its own way), the chip opens a `<chatpay-card-viewer>` in a modal dialog.
 *
 * @tag chatpay-status-chip
 * @event chatpay-view-card - VIEW CARD was chosen. Cancelable. `detail`: `{ requestId, conversationId }`.
 * @csspart base - The chip and its actions.
 * @csspart label - The status (a button for VIEW CARD and TRY AGAIN).
 * @csspart time-left - The countdown.
 * @csspart cancel - The Cancel request button.
 * @csspart keep - Keep it, when asked whether to cancel.
 * @csspart confirm-cancel - Yes, cancel, when asked whether to cancel.
 * @csspart dialog - The dialog the card viewer opens in.
 * @csspart close - The dialog's Close button.
 * @cssproperty --chatpay-status-chip-radius - The chip's corner radius.
 * @cssproperty --chatpay-status-chip-border-color - The chip's border.
 * @cssproperty --chatpay-status-chip-action-background - VIEW CARD and TRY AGAIN's background.
 * @cssproperty --chatpay-status-chip-action-color - VIEW CARD and TRY AGAIN's text colour.
 * @cssproperty --chatpay-status-chip-color - Its text colour.
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

  #label(status: AgentStatus, observed: boolean) {
    const words = this.#words;
    const text = observed && status === 'view-card' ? words.observedCard : words.status[status];
    const problem = PROBLEMS.has(status) ? 'problem' : '';
    if (!observed && status === 'view-card') {
      return html`<button part="label" type="button" @click=${this.#viewCard}>${text}</button>`;
    }
    if (!observed && status === 'try-again') {
      return html`<button part="label" class=${problem} type="button" @click=${() => this.request?.retry()}>
        ${text}
      </button>`;
    }
    return html`<span part="label" class=${problem} aria-hidden="true">${text}</span>`;
  }

  #cancelling(status: AgentStatus, observed: boolean) {
    const words = this.#words;
    if (observed || (status !== 'waiting-for-customer' && status !== 'try-again')) return nothing;
    if (!this.#confirmingCancel) {
      return html`<button part="cancel" type="button" @click=${() => this.#askCancel(true)}>${words.cancel}</button>`;
    }
    return html`<span role="group" aria-label=${words.cancelQuestion}>
      <span aria-hidden="true">${words.cancelQuestion}</span>
      <button part="keep" type="button" @click=${() => this.#askCancel(false)}>${words.keep}</button>
      <button part="confirm-cancel" type="button" @click=${this.#cancel}>${words.confirmCancel}</button>
    </span>`;
  }

  protected override render() {
    const request = this.request;
    if (!request) return nothing;
    const words = this.#words;
    const { status } = request.timeline();
    const observed = request.observed;
    const left = this.#countdown.remaining();
    const announced = observed && status === 'view-card' ? words.observedCard : words.status[status];
    return html`<span part="base" tabindex="-1">
        ${this.#label(status, observed)}
        ${
          left === null
            ? nothing
            : html`<span part="time-left" role="timer">${words.timeLeft(formatDuration(left, this.#locale))}</span>`
        }
        ${observed ? html`<span class="note">${words.observed}</span>` : nothing} ${this.#cancelling(status, observed)}
        <span class="visually-hidden" role="status">${announced}</span>
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
}
