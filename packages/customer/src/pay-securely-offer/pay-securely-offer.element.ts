import type { CustomerRequest, CustomerSession } from '@chatpay/core';
import {
  buttonStyles,
  defaultTokens,
  emitterChanges,
  FollowController,
  localeFor,
  messagesFor,
  reducedMotion,
  visuallyHidden,
} from '@chatpay/ui';
import { html, LitElement, nothing } from 'lit';
import { connectPaySecurelyOffer, type OfferActionId } from './pay-securely-offer.connect.js';
import { nextOfferMemory, OFFER_HIDDEN, type OfferEvent, type OfferMemory } from './pay-securely-offer.memory.js';
import { PAY_SECURELY_OFFER_MESSAGES_EN, type PaySecurelyOfferMessages } from './pay-securely-offer.messages.js';
import { paySecurelyOfferStyles } from './pay-securely-offer.styles.js';

/** What `chatpay-offer-accepted` carries: the request whose form opens, or null when the agent is asked for one. Nothing of the card. */
export interface OfferAcceptedDetail {
  /** The waiting request whose form opens, or `null` when the agent is asked for one. */
  readonly requestId: string | null;
}

/** The element the offer follows: it fires `chatpay-card-detected`, and may name the field inside it. */
type MaskerLike = HTMLElement & { readonly field?: HTMLElement | undefined };

/**
 * "Pay securely instead?": a small, polite offer near the chat box, shown when the card masker has
 * masked a card typed or pasted into it (before the message is sent: the masker acts in the capture
 * phase). It does not take the focus from the chat box; a live region announces it. Accepting opens
 * the card form of the payment request that waits for the customer (the same as its Enter Payment,
 * with the focus on the card number), or, when none waits, asks the agent for one
 * (`CustomerSession.askToPayByCard()`: no card data, not even a brand). No, thanks, Close and Escape
 * (in the offer or in the chat box) dismiss it, and the focus goes back to the chat box.
 *
 * @tag chatpay-pay-securely-offer
 * @event {CustomEvent<OfferAcceptedDetail>} chatpay-offer-accepted - The customer accepted. `detail`: `{ requestId }` (null when the agent is asked). Cancel it to open the form yourself.
 * @event {CustomEvent<null>} chatpay-offer-dismissed - The customer dismissed the offer. No detail.
 * @csspart base - The offer.
 * @csspart open - Use the secure form, when a request waits.
 * @csspart ask - Ask for the secure form (or Try again), when none waits.
 * @csspart dismiss - No, thanks (or Close).
 * @cssproperty --chatpay-pay-securely-offer-background - The offer's background.
 * @cssproperty --chatpay-pay-securely-offer-border-color - The offer's border.
 * @cssproperty --chatpay-pay-securely-offer-color - The offer's text colour.
 * @cssproperty --chatpay-pay-securely-offer-padding - The offer's padding.
 */
export class ChatPayPaySecurelyOffer extends LitElement {
  static override styles = [defaultTokens, reducedMotion, buttonStyles, visuallyHidden, paySecurelyOfferStyles];
  static override properties = {
    session: { attribute: false },
    htmlFor: { type: String, attribute: 'for' },
    locale: { type: String },
    messages: { attribute: false },
  };

  /** The customer's session: where the waiting request is found, and the agent asked. */
  declare session: CustomerSession | undefined;
  /** The id of the `<chatpay-card-masker>` (or any element firing `chatpay-card-detected`) to follow. Default: the parent element. */
  declare htmlFor: string | undefined;
  /** The locale for the words. Default: the document's language. */
  declare locale: string | undefined;
  /** Overrides of its words (see `PAY_SECURELY_OFFER_MESSAGES_EN`). */
  declare messages: Partial<PaySecurelyOfferMessages>;

  #memory: OfferMemory = OFFER_HIDDEN;
  /** Where the offer listens: its root (the document, or the shadow root it is in). */
  #root: Document | ShadowRoot | null = null;

  constructor() {
    super();
    // A request arriving or moving on changes what accepting does.
    new FollowController(this, () => this.session, emitterChanges);
    this.messages = {};
  }

  /** Whether the offer is showing now. */
  get shown(): boolean {
    return this.#memory.stage !== 'hidden';
  }

  get #words(): PaySecurelyOfferMessages {
    return messagesFor(
      'chatpay-pay-securely-offer',
      localeFor(this.locale),
      PAY_SECURELY_OFFER_MESSAGES_EN,
      this.messages,
    );
  }

  /** The masker it follows, found when needed: it may come into the page after the offer. */
  get #target(): MaskerLike | null {
    const found = this.htmlFor ? (this.#root?.getElementById(this.htmlFor) ?? null) : this.parentElement;
    return found as MaskerLike | null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // On the root, so that a masker named by `for` is heard wherever and whenever it is in the page.
    this.#root = this.getRootNode() as Document | ShadowRoot;
    this.#root.addEventListener('chatpay-card-detected', this.#onCardMasked);
    this.#root.addEventListener('keydown', this.#onKeydown as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#root?.removeEventListener('chatpay-card-detected', this.#onCardMasked);
    this.#root?.removeEventListener('keydown', this.#onKeydown as EventListener);
    this.#root = null;
  }

  /** Whether `event` comes from inside the masker the offer follows. */
  #fromTarget(event: Event): boolean {
    const target = this.#target;
    return target !== null && event.composedPath().includes(target);
  }

  // The event's detail (brand, last four) is never read: the offer needs only to know a card was hidden.
  readonly #onCardMasked = (event: Event): void => {
    if (this.#fromTarget(event)) this.#remember({ type: 'card-masked' });
  };

  /** Escape in the chat box, or in the offer, while it shows. */
  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.shown) return;
    if (event.composedPath().includes(this) || this.#fromTarget(event)) this.#dismiss();
  };

  #remember(event: OfferEvent): void {
    this.#memory = nextOfferMemory(this.#memory, event);
    this.requestUpdate();
  }

  #dismiss(): void {
    this.#remember({ type: 'dismissed' });
    this.dispatchEvent(new CustomEvent('chatpay-offer-dismissed', { bubbles: true, composed: true }));
  }

  #act(id: OfferActionId): void {
    if (id === 'dismiss') this.#dismiss();
    else if (id === 'open') this.#open(this.session?.waitingRequest());
    else void this.#ask();
  }

  /** Fires `chatpay-offer-accepted`; false when the host cancelled it to handle the form itself. */
  #accepted(requestId: string | null): boolean {
    const detail: OfferAcceptedDetail = { requestId };
    return this.dispatchEvent(
      new CustomEvent('chatpay-offer-accepted', { detail, bubbles: true, composed: true, cancelable: true }),
    );
  }

  /**
   * Opens the waiting request's form through its bubble in the page (which moves the focus), or the
   * request itself. Only the bubble's type is known here: the offer never loads the card form.
   */
  #open(request: CustomerRequest | undefined): void {
    if (!request) return;
    this.#remember({ type: 'form-opened' });
    if (!this.#accepted(request.requestId)) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const bubble = [...root.querySelectorAll('chatpay-payment-request')].find((each) => each.request === request);
    if (!bubble?.enterPayment()) request.open();
  }

  async #ask(): Promise<void> {
    const session = this.session;
    if (!session || !this.#accepted(null)) return;
    this.#remember({ type: 'ask-sent' });
    const asked = await session.askToPayByCard();
    // Asked a moment ago: the agent already knows.
    const delivered = asked.ok || asked.error.code === 'rate-limited';
    this.#remember({ type: 'ask-answered', delivered });
  }

  protected override updated(): void {
    const focus = this.#memory.focus;
    if (focus === null) return;
    this.#memory = nextOfferMemory(this.#memory, { type: 'focused' });
    const active = document.activeElement;
    // Never taken from elsewhere: only when the focus was in the offer, or lost with what it was on.
    const ours = this.matches(':focus-within') || active === null || active === document.body || active === this;
    if (!ours) return;
    if (focus === 'status') this.renderRoot.querySelector<HTMLElement>('.words')?.focus();
    else (this.#target?.field ?? this.#target)?.focus();
  }

  protected override render() {
    const view = connectPaySecurelyOffer(
      { stage: this.#memory.stage, waiting: this.session?.waitingRequest() !== undefined },
      this.#words,
    );
    // The live region is always there, so the offer is announced when it appears.
    const live = html`<p class="visually-hidden" role="status">${view.announced}</p>`;
    if (!view.visible) return live;
    return html`${live}
      <section part="base" aria-labelledby="title" aria-busy=${view.busy ? 'true' : 'false'}>
        <p class="words" tabindex="-1">
          <span class="title" id="title">${view.title}</span>
          <span>${view.text}</span>
        </p>
        ${
          view.actions.length === 0
            ? nothing
            : html`<div class="actions">
                ${view.actions.map(
                  (action) =>
                    html`<button
                      part=${action.id}
                      type="button"
                      class=${action.primary ? 'primary' : nothing}
                      @click=${() => this.#act(action.id)}
                    >
                      ${action.label}
                    </button>`,
                )}
              </div>`
        }
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-pay-securely-offer': ChatPayPaySecurelyOffer;
  }
  interface HTMLElementEventMap {
    'chatpay-offer-accepted': CustomEvent<OfferAcceptedDetail>;
    'chatpay-offer-dismissed': CustomEvent<null>;
  }
}
