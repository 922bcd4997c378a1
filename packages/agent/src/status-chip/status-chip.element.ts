import type { CardDefinition } from '@chatpay/cards';
import type { AgentRequest } from '@chatpay/core';
import {
  actorChanges,
  buttonStyles,
  defaultTokens,
  FollowController,
  localeFor,
  messagesFor,
  onDemandPart,
  reducedMotion,
  urgentStyles,
  visuallyHidden,
  whenIdle,
} from '@chatpay/ui';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { cardViewerLoader, type CardViewerLoader } from '../card-viewer/card-viewer.loader.js';
import type { CardViewerMessages } from '../card-viewer/card-viewer.messages.js';
import { CountdownController, deadlineOf } from '../countdown.js';
import {
  CHIP_FRESH,
  chipStateOf,
  connectStatusChip,
  nextChipMemory,
  type ChipMemory,
  type ChipMemoryEvent,
  type ChipView,
} from './status-chip.connect.js';
import { STATUS_CHIP_MESSAGES_EN, type StatusChipMessages } from './status-chip.messages.js';
import { actionsPart, termsPart, timeLeftPart, type ChipHandlers } from './status-chip.parts.js';
import {
  requestReplacedEvent,
  viewCardEvent,
  type RequestReplacedDetail,
  type ViewCardDetail,
} from './status-chip.events.js';
import { statusChipStyles } from './status-chip.styles.js';

export type { RequestReplacedDetail, ViewCardDetail } from './status-chip.events.js';

/**
 * A request's status on the conversation timeline: WAITING FOR CUSTOMER with the time left, VIEW CARD,
 * TRY AGAIN (retries the send), REQUEST EXPIRED, CUSTOMER DECLINED PAYMENT, VIEW TIME ENDED, and the
 * outcomes. Next to the status, the amount asked for (formatted for `locale`) and the reason, so that
 * several requests in one conversation can be told apart: the reason is cut to one line, and shown
 * whole while the terms have the focus or the pointer, or after they are pressed. The chip's
 * accessible name is the status, the amount and the whole reason. Changes are announced politely;
 * the last minute of the countdown is drawn as urgent and announced once, as it begins. A request
 * can be cancelled whenever its state allows it (sent, waiting, after a failed send, its card waiting
 * or open).
 *
 * VIEW CARD fires `chatpay-view-card`; unless a listener calls `preventDefault()` (to show the card
 * its own way), the chip opens a `<chatpay-card-viewer>` in a modal dialog. The viewer is defined on
 * demand: fetched ahead once VIEW CARD is offered (when the browser is idle, or on pointer or focus
 * over it), and otherwise loaded as the dialog opens, which says meanwhile that it is loading, or that
 * it did not load, with Try again.
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
 * @event {CustomEvent<ViewCardDetail>} chatpay-view-card - VIEW CARD was chosen. Cancelable. `detail`: `{ requestId, conversationId }`.
 * @event {CustomEvent<RequestReplacedDetail>} chatpay-request-replaced - Send new request sent a new request in place of this one. Cancelable (the chip then stays on the old one). `detail`: `{ requestId, conversationId, replacedRequestId }`.
 * @csspart base - The chip and its actions: a group named by the status, the amount and the reason.
 * @csspart label - The status (a button for VIEW CARD and TRY AGAIN).
 * @csspart terms - The amount and the reason: a button that keeps the whole reason shown.
 * @csspart amount - The amount asked for.
 * @csspart reason - The reason for the charge, cut to one line.
 * @csspart time-left - The countdown.
 * @csspart urgent - The countdown in its last minute (it also carries `data-urgent`).
 * @csspart unverified - The UNVERIFIED badge, on a request nobody vouched for.
 * @csspart note - Why the card cannot be opened here, or what else to do.
 * @csspart cancel - The Cancel request button.
 * @csspart keep - Keep it, when asked whether to cancel.
 * @csspart confirm-cancel - Yes, cancel, when asked whether to cancel.
 * @csspart complete - The Mark as Completed button, for a card already viewed on this device.
 * @csspart request-again - The Send new request button.
 * @csspart dialog - The dialog the card viewer opens in.
 * @csspart close - The dialog's Close button.
 * @csspart viewer-load - In the dialog, while the card viewer loads or after it did not: what is happening.
 * @csspart viewer-retry - In the dialog, the Try again button after the card viewer did not load.
 * @cssproperty --chatpay-status-chip-radius - The chip's corner radius.
 * @cssproperty --chatpay-status-chip-border-color - The chip's border.
 * @cssproperty --chatpay-status-chip-action-background - VIEW CARD and TRY AGAIN's background.
 * @cssproperty --chatpay-status-chip-action-color - VIEW CARD and TRY AGAIN's text colour.
 * @cssproperty --chatpay-status-chip-color - Its text colour.
 * @cssproperty --chatpay-status-chip-warning-color - The UNVERIFIED badge's and warnings' border and mark.
 */
export class ChatPayStatusChip extends LitElement {
  static override styles = [defaultTokens, reducedMotion, buttonStyles, visuallyHidden, urgentStyles, statusChipStyles];
  static override properties = {
    request: { attribute: false },
    locale: { type: String },
    messages: { attribute: false },
    viewerMessages: { attribute: false },
    extraCards: { attribute: false },
  };

  /** The request, from an `AgentSession`. */
  declare request: AgentRequest | undefined;
  /** The locale for the amount and the countdown. Default: the document's language. */
  declare locale: string | undefined;
  /** Overrides of its words (see `STATUS_CHIP_MESSAGES_EN`). */
  declare messages: Partial<StatusChipMessages>;
  /** Overrides of the words of the card viewer the chip opens. */
  declare viewerMessages: Partial<CardViewerMessages>;
  /** The extra card definitions, for the card viewer the chip opens (see `<chatpay-card-viewer>`). */
  declare extraCards: readonly CardDefinition[];

  /**
   * How the chip loads `<chatpay-card-viewer>` when it opens it or prefetches it: by default, a dynamic
   * import of the viewer's define module. Replaced in tests, to hold the load or make it fail.
   */
  static cardViewerLoader: CardViewerLoader = cardViewerLoader;
  /** When the chip prefetches the card viewer of a card that can be viewed (returns a cancel). */
  static whenIdle: (callback: () => void) => () => void = whenIdle;

  /** What the chip remembers of its request between renders (a question asked, a failure, a replacement sent). */
  #memory: ChipMemory = CHIP_FRESH;
  #viewerOpen = false;
  /** The card viewer, loaded when the dialog needs it or fetched ahead. */
  readonly #viewer = onDemandPart(this, () => {
    const { cardViewerLoader, whenIdle } = this.constructor as typeof ChatPayStatusChip;
    return { loader: cardViewerLoader, whenIdle };
  });
  /** What this update shows, computed before it renders: read after it, to prefetch. */
  #view: ChipView | null = null;
  readonly #countdown = new CountdownController(this, () => deadlineOf(this.request));

  constructor() {
    super();
    // Re-renders on every change of what the element shows.
    new FollowController(this, () => this.request?.actor, actorChanges);
    this.messages = {};
    this.viewerMessages = {};
    this.extraCards = [];
  }

  get #words(): StatusChipMessages {
    return messagesFor('chatpay-status-chip', localeFor(this.locale), STATUS_CHIP_MESSAGES_EN, this.messages);
  }

  async #viewCard(): Promise<void> {
    const request = this.request!;
    const detail: ViewCardDetail = { requestId: request.requestId, conversationId: request.conversationId };
    if (!this.dispatchEvent(viewCardEvent(detail))) return;
    // Chosen again after a load that failed (the dialog closed meanwhile): it is loaded again.
    if (this.#memory.viewerLoad === 'failed') this.#memory = nextChipMemory(this.#memory, 'viewer-retried');
    this.#viewerOpen = true;
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  #closeViewer(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  /**
   * Out of the page, the dialog is no longer modal: it closes, with no close event, and the viewer
   * leaves the DOM; put back, the chip offers VIEW CARD again.
   */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (!this.#viewerOpen) return;
    this.#viewerOpen = false;
    this.requestUpdate();
  }

  /** The dialog closed (Close, Escape): the viewer leaves the DOM with whatever it showed. */
  #viewerClosed(): void {
    this.#viewerOpen = false;
    this.requestUpdate();
    void this.#refocus();
  }

  /** Try again, after the card viewer did not load: it is loaded again, the focus kept in the dialog. */
  async #retryViewer(): Promise<void> {
    this.#remember('viewer-retried');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="close"]')?.focus();
  }

  /** After an action that may remove the focused control: focus the status itself, or the chip. */
  async #refocus(): Promise<void> {
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>('button[part~="label"]') ??
      this.renderRoot.querySelector<HTMLElement>('[part~="base"]');
    target?.focus();
  }

  readonly #handlers: ChipHandlers = {
    askCancel: (asking) => void this.#askCancel(asking),
    act: (action) => this.#act(action),
    requestAgain: () => this.#requestAgain(),
    toggleReason: () => this.#remember('toggle-reason'),
  };

  #remember(event: ChipMemoryEvent): void {
    this.#memory = nextChipMemory(this.#memory, event);
    this.requestUpdate();
  }

  async #askCancel(asking: boolean): Promise<void> {
    this.#remember(asking ? 'ask-cancel' : 'keep');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(asking ? '[part~="keep"]' : '[part~="cancel"]')?.focus();
  }

  /** Cancel (once confirmed), or Mark as Completed for a card already viewed on this device. */
  #act(action: 'cancel' | 'complete'): void {
    this.#remember('acted');
    this.request?.[action]();
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
    if (!sent.ok) return this.#remember('request-again-failed');
    const detail: RequestReplacedDetail = {
      requestId: sent.value.requestId,
      conversationId: sent.value.conversationId,
      replacedRequestId: request.requestId,
    };
    this.#remember('sent-again');
    if (this.dispatchEvent(requestReplacedEvent(detail))) this.request = sent.value;
    void this.#refocus();
  }

  #label(view: ChipView) {
    const problem = view.problem ? 'problem' : '';
    const clicks = {
      'view-card': () => void this.#viewCard(),
      retry: () => this.request?.retry(),
      send: () => this.request?.send(),
    };
    const click = view.labelAction ? clicks[view.labelAction] : null;
    if (view.labelAction === 'view-card') {
      // About to be chosen, maybe: the viewer is fetched ahead.
      return html`<button
        part="label"
        class=${problem}
        type="button"
        @click=${click}
        @pointerenter=${this.#viewer.prefetch}
        @focus=${this.#viewer.prefetch}
      >
        ${view.label}
      </button>`;
    }
    if (click) {
      return html`<button part="label" class=${problem} type="button" @click=${click}>${view.label}</button>`;
    }
    return html`<span part="label" class=${problem} aria-hidden="true">${view.label}</span>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another request: nothing asked or failed about the last one carries over.
    if (changed.has('request')) this.#memory = CHIP_FRESH;
    // No request, nothing drawn: the dialog went with the rest, and is not drawn again shut.
    if (!this.request) this.#viewerOpen = false;
    const request = this.request;
    this.#view = request ? this.#viewOf(request) : null;
    if (request && this.#view?.loadViewer) {
      // The dialog is open and the viewer is not there: it is loaded, and this render says so.
      this.#memory = nextChipMemory(this.#memory, 'viewer-loading');
      const settled = (event: 'viewer-loaded' | 'viewer-failed') => () => {
        if (this.request === request) this.#remember(event);
        // The agent waiting in the dialog is taken to Try again.
        if (event === 'viewer-failed') void this.#focusPart('viewer-retry');
      };
      this.#viewer.load().then(settled('viewer-loaded'), settled('viewer-failed'));
      this.#view = this.#viewOf(request);
    }
  }

  #viewOf(request: AgentRequest): ChipView {
    const own = {
      left: this.#countdown.remaining(),
      locale: localeFor(this.locale),
      viewerOpen: this.#viewerOpen,
      viewerLoaded: this.#viewer.loaded(),
    };
    return connectStatusChip(chipStateOf(request, own), this.#words, this.#memory);
  }

  /** Focuses the chip's `part` once drawn, if the focus is in the chip's dialog (never taken from elsewhere). */
  async #focusPart(part: string): Promise<void> {
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open && dialog.matches(':focus-within')) {
      this.renderRoot.querySelector<HTMLElement>(`[part~="${part}"]`)?.focus();
    }
  }

  protected override updated(): void {
    if (this.#view?.prefetchViewer) this.#viewer.prefetchWhenIdle();
  }

  #viewerContent(request: AgentRequest, view: ChipView, words: StatusChipMessages) {
    if (view.viewer === 'ready') {
      return html`<chatpay-card-viewer
        .request=${request}
        .locale=${this.locale}
        .messages=${this.viewerMessages}
        .extraCards=${this.extraCards}
      ></chatpay-card-viewer>`;
    }
    const failed = view.viewer === 'failed';
    return html`<p part="viewer-load" class=${failed ? 'note warning' : 'note'} role=${failed ? 'alert' : 'status'}>
        ${view.viewerLoadText}
      </p>
      ${
        failed
          ? html`<button part="viewer-retry" type="button" @click=${() => void this.#retryViewer()}>
              ${words.retryViewer}
            </button>`
          : nothing
      }`;
  }

  protected override render() {
    const request = this.request;
    const view = this.#view;
    if (!request || !view) return nothing;
    const words = this.#words;
    return html`<span part="base" role="group" aria-label=${view.name} tabindex="-1">
        ${
          view.badge
            ? html`<span part="unverified" class="badge">${view.badge.text}</span>
                <span class="note">${view.badge.description}</span>`
            : nothing
        }
        ${this.#label(view)} ${view.terms ? termsPart(view.terms, this.#handlers) : nothing} ${timeLeftPart(view)}
        ${
          view.note
            ? html`<span id="note" part="note" class=${view.note.warning ? 'note warning' : 'note'} aria-hidden="true">
                ${view.note.text}
              </span>`
            : nothing
        }
        ${actionsPart(view, words, this.#handlers)}
        ${view.failure ? html`<span class="note warning" role="alert">${view.failure}</span>` : nothing}
        <span class="visually-hidden" role="status">${view.announced}</span>
      </span>
      ${
        this.#viewerOpen
          ? html`<dialog part="dialog" aria-labelledby="viewer-title" @close=${this.#viewerClosed}>
              <header>
                <h2 id="viewer-title">${words.viewerTitle}</h2>
                <button type="button" part="close" @click=${this.#closeViewer}>${words.close}</button>
              </header>
              ${this.#viewerContent(request, view, words)}
            </dialog>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-status-chip': ChatPayStatusChip;
  }
}
