import type { CustomerRequest } from '@chatpay/core';
import {
  actorChanges,
  buttonStyles,
  defaultTokens,
  FollowController,
  localeFor,
  messagesFor,
  reducedMotion,
} from '@chatpay/ui';
import { html, LitElement, nothing } from 'lit';
import type { CardFormMessages } from '../card-form/card-form.messages.js';
import { connectPaymentRequest, paymentRequestStateOf, type PaymentRequestAction } from './payment-request.connect.js';
import { PAYMENT_REQUEST_MESSAGES_EN, type PaymentRequestMessages } from './payment-request.messages.js';
import { paymentRequestStyles } from './payment-request.styles.js';

/**
 * One payment request in the customer's chat: the amount in the customer's locale, the reason as
 * plain text, Decline and Enter Payment; Enter Payment opens the card form in place. Afterwards it
 * shows the outcome the request's session reports, with Try Again after a failed send, and says so
 * when the agent sent a new request in place of this one. A request nobody vouched for (development
 * mode) carries an UNVERIFIED badge that tells the customer not to enter a real card.
 *
 * @tag chatpay-payment-request
 * @csspart base - The bubble.
 * @csspart decline - The Decline button.
 * @csspart enter-payment - The Enter Payment button.
 * @csspart try-again - The Try Again button, after a failed send.
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

  /** Forwards a button's click to the request; what each button does is the session's to allow. */
  #act(action: PaymentRequestAction): void {
    const request = this.request;
    if (!request) return;
    if (action === 'decline') request.decline();
    else if (action === 'enter-payment') request.open();
    else request.retry();
  }

  #cardForm(request: CustomerRequest) {
    return html`<chatpay-card-form
      .request=${request}
      .messages=${this.cardFormMessages}
      .locale=${this.locale}
      ?postal-code=${this.postalCode}
      .now=${this.now ?? (() => new Date())}
    ></chatpay-card-form>`;
  }

  protected override render() {
    const request = this.request;
    if (!request) return nothing;
    const view = connectPaymentRequest(paymentRequestStateOf(request, localeFor(this.locale)), this.#words);
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
      <p class="status" role="status">${view.announced}</p>
      ${view.cardForm ? this.#cardForm(request) : nothing}
      ${
        view.actions.length > 0
          ? html`<div class="actions">
              ${view.actions.map(
                (action) =>
                  html`<button
                    part=${action.id}
                    class=${action.primary ? 'primary' : nothing}
                    @click=${() => this.#act(action.id)}
                  >
                    ${action.label}
                  </button>`,
              )}
            </div>`
          : nothing
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-payment-request': ChatPayPaymentRequest;
  }
}
