import type { CustomerRequest } from '@chatpay/core';
import {
  actorChanges,
  buttonStyles,
  defaultTokens,
  FollowController,
  localeFor,
  messagesFor,
  onDemandPart,
  reducedMotion,
  whenIdle,
} from '@chatpay/ui';
import { html, LitElement, nothing } from 'lit';
import type { CardSealedDetail } from '../card-form/card-form.connect.js';
import { cardFormLoader, type CardFormLoader } from '../card-form/card-form.loader.js';
import type { CardFormMessages } from '../card-form/card-form.messages.js';
import {
  connectPaymentRequest,
  paymentRequestStateOf,
  type PaymentRequestAction,
  type PaymentRequestActionView,
  type PaymentRequestView,
} from './payment-request.connect.js';
import {
  nextPaymentRequestMemory,
  PAYMENT_REQUEST_FRESH,
  type PaymentRequestFocus,
  type PaymentRequestMemory,
  type PaymentRequestMemoryEvent,
} from './payment-request.memory.js';
import { PAYMENT_REQUEST_MESSAGES_EN, type PaymentRequestMessages } from './payment-request.messages.js';
import { paymentRequestStyles } from './payment-request.styles.js';

/**
 * One payment request in the customer's chat: the amount in the customer's locale, the reason as
 * plain text, Decline and Enter Payment; Enter Payment opens the card form in place and moves the focus
 * to its first field. Decline first asks "Decline this payment?" (Keep, Yes, decline; Escape keeps).
 * Afterwards it shows the outcome the request's session reports in its status line, where the focus
 * goes after Pay: Payment Accepted with the card's brand and last four digits (when this page sealed
 * it), Try Again after a failed send, and that the customer was not charged when the request ended
 * without a payment (declined, expired, cancelled, or replaced by a new request from the agent). A
 * request nobody vouched for (development mode) carries an UNVERIFIED badge that tells the customer
 * not to enter a real card.
 *
 * @tag chatpay-payment-request
 * @csspart base - The bubble.
 * @csspart status - The status line: the outcome, and that the customer was not charged.
 * @csspart decline - The Decline button.
 * @csspart decline-question - The question asked after Decline, with its Keep and Yes, decline buttons.
 * @csspart keep - The Keep button: the request is not declined.
 * @csspart confirm-decline - The Yes, decline button.
 * @csspart enter-payment - The Enter Payment button.
 * @csspart try-again - The Try Again button, after a failed send.
 * @csspart form-retry - The Try again button, after the card form did not load.
 * @csspart unverified - The UNVERIFIED badge and what it means, on a request nobody vouched for.
 * @cssproperty --chatpay-payment-request-background - The bubble's background.
 * @cssproperty --chatpay-payment-request-border-color - The bubble's border.
 * @cssproperty --chatpay-payment-request-color - The bubble's text colour.
 * @cssproperty --chatpay-payment-request-gap - Space between its parts.
 * @cssproperty --chatpay-payment-request-padding - The bubble's padding.
 * @cssproperty --chatpay-payment-request-radius - The bubble's corners.
 * @cssproperty --chatpay-payment-request-warning-color - The UNVERIFIED badge's border.
 */
export class ChatPayPaymentRequest extends LitElement {
  static override styles = [defaultTokens, reducedMotion, buttonStyles, paymentRequestStyles];
  static override properties = {
    request: { attribute: false },
    locale: { type: String },
    messages: { attribute: false },
    cardFormMessages: { attribute: false },
    postalCode: { type: Boolean, attribute: 'postal-code' },
    now: { attribute: false },
  };

  /** The request, from a `CustomerSession`. */
  declare request: CustomerRequest | undefined;
  /** The locale for the amount. Default: the document's language. */
  declare locale: string | undefined;
  /** Overrides of its words (see `PAYMENT_REQUEST_MESSAGES_EN`). */
  declare messages: Partial<PaymentRequestMessages>;
  /** Overrides of the card form's words (see `CARD_FORM_MESSAGES_EN`). */
  declare cardFormMessages: Partial<CardFormMessages>;
  /** Ask for a billing postal code in the card form. */
  declare postalCode: boolean;
  /** The clock for the card form's expiry check. */
  declare now: (() => Date) | undefined;

  /**
   * How the bubble loads `<chatpay-card-form>` when it shows it or prefetches it: by default, a dynamic
   * import of the form's define module. Replaced in tests, to hold the load or make it fail.
   */
  static cardFormLoader: CardFormLoader = cardFormLoader;
  /** When the bubble prefetches the card form of a request that can be opened (returns a cancel). */
  static whenIdle: (callback: () => void) => () => void = whenIdle;

  // The card this page sealed (brand and last four only), the decline question, the form's load, the next focus.
  #memory: PaymentRequestMemory = PAYMENT_REQUEST_FRESH;
  /** The next focus is asked for from outside the bubble (`enterPayment()`): taken wherever the focus is. */
  #focusAsked = false;
  /** The card form, loaded when it is to be shown or fetched ahead. */
  readonly #form = onDemandPart(this, () => {
    const { cardFormLoader, whenIdle } = this.constructor as typeof ChatPayPaymentRequest;
    return { loader: cardFormLoader, whenIdle };
  });
  /** What this update shows, computed before it renders: read after it, to prefetch or focus. */
  #view: PaymentRequestView | null = null;

  constructor() {
    super();
    // Re-renders on every change of what the element shows.
    new FollowController(this, () => this.request?.actor, actorChanges);
    this.messages = {};
    this.cardFormMessages = {};
    this.postalCode = false;
  }

  get #words(): PaymentRequestMessages {
    return messagesFor('chatpay-payment-request', localeFor(this.locale), PAYMENT_REQUEST_MESSAGES_EN, this.messages);
  }

  #remember(event: PaymentRequestMemoryEvent): void {
    this.#memory = nextPaymentRequestMemory(this.#memory, event);
    this.requestUpdate();
  }

  /** Forwards a button's click to the request; what each button does is the session's to allow. */
  #act(action: PaymentRequestAction): void {
    const request = this.request;
    if (!request) return;
    if (action === 'decline') this.#remember({ type: 'decline-asked' });
    else if (action === 'keep') this.#remember({ type: 'decline-kept' });
    else if (action === 'confirm-decline') {
      request.decline();
      this.#remember({ type: 'decline-confirmed' });
    } else if (action === 'enter-payment') {
      if (request.open().ok) this.#remember({ type: 'opened' });
    } else if (action === 'form-retry') {
      this.#remember({ type: 'form-retried' });
    } else if (request.retry().ok) this.#remember({ type: 'retried' });
  }

  /**
   * What Enter Payment does, for a host's own way in ("Pay securely instead?"): opens the card form
   * and moves the focus to its first field. Returns false when the request does not allow it now.
   */
  enterPayment(): boolean {
    if (!this.request?.open().ok) return false;
    this.#focusAsked = true;
    this.#remember({ type: 'opened' });
    return true;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another request: nothing this bubble remembered of the last one applies to it.
    if (changed.has('request') && changed.get('request') !== undefined) this.#memory = PAYMENT_REQUEST_FRESH;
    const request = this.request;
    this.#view = request ? this.#viewOf(request) : null;
    if (request && this.#view?.loadForm) {
      // The form is to be shown and is not there: it is loaded, and this render says so.
      this.#memory = nextPaymentRequestMemory(this.#memory, { type: 'form-loading' });
      const settled = (type: 'form-loaded' | 'form-failed') => () => {
        if (this.request === request) this.#remember({ type });
      };
      this.#form.load().then(settled('form-loaded'), settled('form-failed'));
      this.#view = this.#viewOf(request);
    }
  }

  #viewOf(request: CustomerRequest): PaymentRequestView {
    const state = paymentRequestStateOf(request, localeFor(this.locale), this.#memory, this.#form.loaded());
    return connectPaymentRequest(state, this.#words);
  }

  protected override updated(): void {
    const view = this.#view;
    if (view?.prefetchForm) this.#form.prefetchWhenIdle();
    const focus = this.#memory.focus;
    if (focus === null) return;
    if (focus === 'card-form' && !view?.cardForm) {
      // Kept until the form is drawn; meanwhile the status line, which says it is loading, holds the focus.
      if (view?.formLoad === 'loading') void this.#moveFocus('status', false);
      return;
    }
    this.#memory = nextPaymentRequestMemory(this.#memory, { type: 'focused' });
    void this.#moveFocus(focus);
  }

  /**
   * Focuses `focus` once drawn, if the focus is still here or was lost with the content it was on: never
   * taken from elsewhere. `final` is false for a stop on the way (the status line while the form loads).
   */
  async #moveFocus(focus: PaymentRequestFocus, final = true): Promise<void> {
    const target = this.renderRoot.querySelector<HTMLElement>(
      focus === 'card-form' ? 'chatpay-card-form' : `[part~="${focus}"]`,
    );
    // The card form delegates its focus to its first field, once that is drawn.
    if (target instanceof LitElement) await target.updateComplete;
    const active = document.activeElement;
    const asked = this.#focusAsked;
    if (final) this.#focusAsked = false;
    if (asked || active === null || active === document.body || this.matches(':focus-within')) target?.focus();
  }

  #cardForm(request: CustomerRequest) {
    // The form leaves the page as soon as the card is being sealed; its event still reaches this
    // listener, which is on the form itself.
    const sealed = (event: CustomEvent<CardSealedDetail>) => {
      if (this.request === request) this.#remember({ type: 'sealed', card: event.detail });
    };
    return html`<chatpay-card-form
      @chatpay-card-sealed=${sealed}
      .request=${request}
      .messages=${this.cardFormMessages}
      .locale=${this.locale}
      ?postal-code=${this.postalCode}
      .now=${this.now ?? (() => new Date())}
    ></chatpay-card-form>`;
  }

  protected override render() {
    const request = this.request;
    const view = this.#view;
    if (!request || !view) return nothing;
    // An article, not a landmark: a chat may hold many requests, each named by its title and amount.
    return html`<article part="base" aria-labelledby="title amount">
      <h2 id="title">${view.title}</h2>
      ${
        view.badge
          ? html`<p part="unverified" class="unverified">
              <strong class="badge">${view.badge.text}</strong> <span>${view.badge.description}</span>
            </p>`
          : nothing
      }
      <p class="amount" id="amount">${view.amount}</p>
      <p class="reason">${view.reasonLabel} <bdi>${view.reason}</bdi></p>
      <p part="status" class="status" role="status" tabindex="-1">
        <span>${view.announced}</span>
        ${view.notCharged ? html`<span class="not-charged">${view.notCharged}</span>` : nothing}
      </p>
      ${view.cardForm ? this.#cardForm(request) : nothing}
      ${
        view.question
          ? html`<div part="decline-question" role="group" aria-labelledby="question" @keydown=${this.#keepOnEscape}>
              <p id="question" class="question">${view.question}</p>
              ${this.#actions(view.actions)}
            </div>`
          : this.#actions(view.actions)
      }
    </article>`;
  }

  #actions(actions: readonly PaymentRequestActionView[]) {
    if (actions.length === 0) return nothing;
    return html`<div class="actions">
      ${actions.map(
        (action) =>
          html`<button
            part=${action.id}
            class=${action.primary ? 'primary' : nothing}
            @click=${() => this.#act(action.id)}
            @pointerenter=${action.id === 'enter-payment' ? this.#form.prefetch : nothing}
            @focus=${action.id === 'enter-payment' ? this.#form.prefetch : nothing}
          >
            ${action.label}
          </button>`,
      )}
    </div>`;
  }

  /** Escape answers the decline question with Keep. */
  readonly #keepOnEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.#act('keep');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-payment-request': ChatPayPaymentRequest;
  }
}
