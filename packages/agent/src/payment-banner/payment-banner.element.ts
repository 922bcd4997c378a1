import type { AgentRegistry, Arrival } from '@chatpay/core';
import { buttonStyles, defaultTokens, FollowController, localeFor, messagesFor, reducedMotion } from '@chatpay/ui';
import { html, LitElement, nothing } from 'lit';
import { bannersOf, connectPaymentBanner } from './payment-banner.connect.js';
import { PAYMENT_BANNER_MESSAGES_EN, type PaymentBannerMessages } from './payment-banner.messages.js';
import { paymentBannerStyles } from './payment-banner.styles.js';

/** What `chatpay-view-conversation` carries. */
export interface ViewConversationDetail {
  /** The conversation to show. */
  readonly conversationId: string;
  /** The request whose card arrived there. */
  readonly requestId: string;
}

/**
 * A banner for each card that arrives on a conversation the agent is not looking at, naming the
 * customer and the amount asked for ("Grace sent their card for $12.50.", from the registry's
 * `requests()`, formatted for `locale`), with View and Dismiss. View fires
 * `chatpay-view-conversation` for the host app to bring that conversation into view (and tell the
 * registry). A banner goes once its conversation is in view or its card no longer waits.
 *
 * @tag chatpay-payment-banner
 * @event {CustomEvent<ViewConversationDetail>} chatpay-view-conversation - View was chosen. `detail`: `{ conversationId, requestId }`.
 * @csspart banner - One banner.
 * @csspart view - The View button.
 * @csspart dismiss - The Dismiss button.
 * @cssproperty --chatpay-payment-banner-background - A banner's background.
 * @cssproperty --chatpay-payment-banner-border-color - A banner's border.
 * @cssproperty --chatpay-payment-banner-color - A banner's text colour.
 * @cssproperty --chatpay-payment-banner-padding - A banner's padding.
 */
export class ChatPayPaymentBanner extends LitElement {
  static override styles = [defaultTokens, reducedMotion, buttonStyles, paymentBannerStyles];
  static override properties = {
    registry: { attribute: false },
    locale: { type: String },
    nameOf: { attribute: false },
    messages: { attribute: false },
  };

  /** The agent's registry of requests across conversations. */
  declare registry: AgentRegistry | undefined;
  /** The locale for the words and the amounts. Default: the document's language. */
  declare locale: string | undefined;
  /** The customer's name for a conversation, as the agent's list shows it. Default: the conversation id. */
  declare nameOf: (conversationId: string) => string;
  /** Overrides of its words (see `PAYMENT_BANNER_MESSAGES_EN`). */
  declare messages: Partial<PaymentBannerMessages>;

  /** The registry's arrivals the agent dismissed here (a card announced again is a new arrival, shown again). */
  #dismissed = new WeakSet<Arrival>();

  constructor() {
    super();
    // Re-renders on every change of what the element shows.
    new FollowController(
      this,
      () => this.registry,
      (registry, changed) => this.#followRegistry(registry, changed),
    );
    this.nameOf = (conversationId) => conversationId;
    this.messages = {};
  }

  get #words(): PaymentBannerMessages {
    return messagesFor('chatpay-payment-banner', localeFor(this.locale), PAYMENT_BANNER_MESSAGES_EN, this.messages);
  }

  /** The banners are the registry's arrivals; a new registry starts with none dismissed. */
  #followRegistry(registry: AgentRegistry, changed: () => void): () => void {
    this.#dismissed = new WeakSet();
    return registry.subscribe(changed);
  }

  get #banners(): readonly Arrival[] {
    return this.registry ? bannersOf(this.registry.arrivals(), this.#dismissed) : [];
  }

  #view(arrival: Arrival): void {
    const detail: ViewConversationDetail = { ...arrival };
    this.dispatchEvent(new CustomEvent('chatpay-view-conversation', { detail, bubbles: true, composed: true }));
    void this.#refocus();
  }

  #dismiss(arrival: Arrival): void {
    this.#dismissed.add(arrival);
    this.requestUpdate();
    void this.#refocus();
  }

  /** A banner that had focus is gone: focus moves to the next banner's View, or to the region. */
  async #refocus(): Promise<void> {
    await this.updateComplete;
    // Still on a banner, or moved on by the host (to the conversation it opened): left alone.
    if (
      this.shadowRoot?.activeElement ||
      (document.activeElement !== document.body && document.activeElement !== this)
    ) {
      return;
    }
    const target =
      this.renderRoot.querySelector<HTMLElement>('[part~="view"]') ?? this.renderRoot.querySelector('section');
    target?.focus();
  }

  protected override render() {
    const requests = this.registry?.requests() ?? [];
    const view = connectPaymentBanner(this.#banners, this.#words, this.nameOf, requests, localeFor(this.locale));
    // The region is always there, so a banner that appears in it is announced.
    return html`<section aria-label=${view.label} aria-live="polite" tabindex="-1">
      ${
        view.banners.length === 0
          ? nothing
          : html`<ul>
              ${view.banners.map(
                ({ arrival, text }) =>
                  html`<li part="banner">
                    <p class="text">${text}</p>
                    <button part="view" class="primary" type="button" @click=${() => this.#view(arrival)}>
                      ${view.view}
                    </button>
                    <button part="dismiss" type="button" @click=${() => this.#dismiss(arrival)}>${view.dismiss}</button>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-payment-banner': ChatPayPaymentBanner;
  }
  interface HTMLElementEventMap {
    'chatpay-view-conversation': CustomEvent<ViewConversationDetail>;
  }
}
