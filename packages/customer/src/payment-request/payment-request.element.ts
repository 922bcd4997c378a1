import { customerTimeline, formatMoney, type CustomerRequest, type CustomerStatus } from '@chatpay/core';
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

  #actions(status: CustomerStatus) {
    const words = this.#words;
    const request = this.request!;
    if (status === 'payment-requested') {
      return html`<div class="actions">
        <button part="decline" @click=${() => request.decline()}>${words.decline}</button>
        <button part="enter-payment" class="primary" @click=${() => request.open()}>${words.enterPayment}</button>
      </div>`;
    }
    if (status === 'entering-payment') {
      return html`<chatpay-card-form
          .request=${request}
          .messages=${this.cardFormMessages}
          .locale=${this.locale}
          ?postal-code=${this.postalCode}
          .now=${this.now ?? (() => new Date())}
        ></chatpay-card-form>
        <div class="actions"><button part="decline" @click=${() => request.decline()}>${words.decline}</button></div>`;
    }
    if (status === 'try-again') {
      return html`<div class="actions">
        <button part="try-again" class="primary" @click=${() => request.retry()}>${words.tryAgain}</button>
      </div>`;
    }
    return nothing;
  }

  protected override render() {
    const request = this.request;
    if (!request) return nothing;
    const words = this.#words;
    const { status, trust } = customerTimeline(request.actor.getSnapshot());
    const amount = formatMoney(request.terms.amount, localeFor(this.locale));
    const quiet = status === 'payment-requested' || status === 'entering-payment';
    // An article, not a landmark: a chat may hold many requests, each named by its title and amount.
    return html`<article part="base" aria-labelledby="title amount">
      <h2 id="title">${words.title}</h2>
      ${
        trust === 'unverified'
          ? html`<p part="unverified" class="unverified">
              <strong class="badge">${words.unverified}</strong> <span>${words.unverifiedDescription}</span>
            </p>`
          : nothing
      }
      <p class="amount" id="amount">${amount}</p>
      <p class="reason">${words.reason} <bdi>${request.terms.reason}</bdi></p>
      <p class="status" role="status">${quiet ? '' : words.status[status]}</p>
      ${this.#actions(status)}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-payment-request': ChatPayPaymentRequest;
  }
}
