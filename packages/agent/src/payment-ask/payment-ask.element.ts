import type { AgentSession } from '@chatpay/core';
import { buttonStyles, defaultTokens, FollowController, localeFor, messagesFor, reducedMotion } from '@chatpay/ui';
import { html, LitElement, nothing } from 'lit';
import { connectPaymentAsk } from './payment-ask.connect.js';
import { PAYMENT_ASK_MESSAGES_EN, type PaymentAskMessages } from './payment-ask.messages.js';
import { paymentAskStyles } from './payment-ask.styles.js';

/** What `chatpay-card-request-chosen` carries: the conversation whose customer asked. */
export interface CardRequestChosenDetail {
  /** The conversation whose customer asked. */
  readonly conversationId: string;
}

/**
 * The customer's ask for a card request, in one conversation: "The customer would like to pay by
 * card.", with Start a card request and Dismiss, announced in a polite live region. The ask is
 * unsigned and carries nothing but the fact (see docs/protocol.md): it cannot hold card data or change
 * any request. Start a card request fires `chatpay-card-request-chosen` for the host to bring the
 * request composer to the agent; either button puts the ask away (`AgentSession.dismissPaymentAsk()`),
 * and a request sent to the customer does too.
 *
 * @tag chatpay-payment-ask
 * @event {CustomEvent<CardRequestChosenDetail>} chatpay-card-request-chosen - Start a card request was chosen. `detail`: `{ conversationId }`.
 * @csspart base - The ask.
 * @csspart start - The Start a card request button.
 * @csspart dismiss - The Dismiss button.
 * @cssproperty --chatpay-payment-ask-background - The ask's background.
 * @cssproperty --chatpay-payment-ask-border-color - The ask's border.
 * @cssproperty --chatpay-payment-ask-color - The ask's text colour.
 * @cssproperty --chatpay-payment-ask-padding - The ask's padding.
 */
export class ChatPayPaymentAsk extends LitElement {
  static override styles = [defaultTokens, reducedMotion, buttonStyles, paymentAskStyles];
  static override properties = {
    session: { attribute: false },
    locale: { type: String },
    messages: { attribute: false },
  };

  /** The agent's session of the conversation. */
  declare session: AgentSession | undefined;
  /** The locale for the words. Default: the document's language. */
  declare locale: string | undefined;
  /** Overrides of its words (see `PAYMENT_ASK_MESSAGES_EN`). */
  declare messages: Partial<PaymentAskMessages>;

  constructor() {
    super();
    new FollowController(
      this,
      () => this.session,
      (session, changed) => session.subscribePaymentAsks(changed),
    );
    this.messages = {};
  }

  get #words(): PaymentAskMessages {
    return messagesFor('chatpay-payment-ask', localeFor(this.locale), PAYMENT_ASK_MESSAGES_EN, this.messages);
  }

  #start(): void {
    const session = this.session;
    if (!session) return;
    session.dismissPaymentAsk();
    const detail: CardRequestChosenDetail = { conversationId: session.conversationId };
    this.dispatchEvent(new CustomEvent('chatpay-card-request-chosen', { detail, bubbles: true, composed: true }));
  }

  #dismiss(): void {
    this.session?.dismissPaymentAsk();
    void this.#refocus();
  }

  /** The ask that had the focus is gone: the focus stays in the region, unless the host moved it. */
  async #refocus(): Promise<void> {
    await this.updateComplete;
    if (document.activeElement !== document.body && document.activeElement !== this) return;
    this.renderRoot.querySelector<HTMLElement>('section')?.focus();
  }

  protected override render() {
    const view = connectPaymentAsk(this.session?.paymentAsk ?? null, this.#words);
    // The region is always there, so an ask that appears in it is announced.
    return html`<section aria-label=${view.label} aria-live="polite" tabindex="-1">
      ${
        view.visible
          ? html`<div part="base">
              <p class="words"><span class="text">${view.text}</span> <span>${view.hint}</span></p>
              <button part="start" class="primary" type="button" @click=${() => this.#start()}>${view.start}</button>
              <button part="dismiss" type="button" @click=${() => this.#dismiss()}>${view.dismiss}</button>
            </div>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-payment-ask': ChatPayPaymentAsk;
  }
  interface HTMLElementEventMap {
    'chatpay-card-request-chosen': CustomEvent<CardRequestChosenDetail>;
  }
}
