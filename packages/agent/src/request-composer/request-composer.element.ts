import type { AgentRequest, AgentSession } from '@chatpay/core';
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
import { AmountMaskController } from './amount-mask.js';
import {
  amountOf,
  connectRequestComposer,
  currenciesOf,
  refusalOf,
  type ComposerState,
  type ComposerView,
} from './request-composer.connect.js';
import { EMPTY_FORM, nextForm, type ComposerForm, type Field, type FormEvent } from './request-composer.form.js';
import { REQUEST_COMPOSER_MESSAGES_EN, type RequestComposerMessages } from './request-composer.messages.js';
import { requestComposerStyles } from './request-composer.styles.js';

/** What `chatpay-request-sent` carries. */
export interface RequestSentDetail {
  /** The request sent. */
  readonly requestId: string;
  /** The conversation it was sent in. */
  readonly conversationId: string;
}

/**
 * The agent's card request, in the chat composer: amount to charge (written with the locale's
 * separators, refused with the reason when it cannot be read exactly), currency, reason for charge. Request shows a confirmation; Back returns to the fields with
 * nothing lost; Send sends it once, however many times it is clicked.
 *
 * @tag chatpay-request-composer
 * @event {CustomEvent<RequestSentDetail>} chatpay-request-sent - The request was confirmed and handed to the session. `detail`: `{ requestId, conversationId }`.
 * @csspart base - The form with the fields.
 * @csspart confirmation - The confirmation step.
 * @csspart request - The Request button.
 * @csspart send - The Send button.
 * @csspart back - The Back button.
 * @csspart discard - The Discard button.
 * @cssproperty --chatpay-request-composer-gap - Space between the fields.
 * @cssproperty --chatpay-request-composer-border-color - The fields' borders.
 * @cssproperty --chatpay-request-composer-field-background - The fields' background.
 * @cssproperty --chatpay-request-composer-color - Its text colour.
 * @cssproperty --chatpay-request-composer-padding - Its padding.
 */
export class ChatPayRequestComposer extends LitElement {
  static override styles = [defaultTokens, reducedMotion, buttonStyles, visuallyHidden, requestComposerStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    session: { attribute: false },
    currency: { type: String },
    currencies: { attribute: false },
    locale: { type: String },
    messages: { attribute: false },
  };

  /** The agent's session for this conversation. */
  declare session: AgentSession | undefined;
  /** The currency selected at first (ISO 4217). Default `USD`. */
  declare currency: string;
  /** The currencies the agent may choose from. Default: only `currency`. */
  declare currencies: readonly string[] | undefined;
  /** The locale for typing and showing amounts. Default: the document's language. */
  declare locale: string | undefined;
  /** Overrides of its words (see `REQUEST_COMPOSER_MESSAGES_EN`). */
  declare messages: Partial<RequestComposerMessages>;

  /** The request being composed: made at the first Request, kept through Back, let go once sent. */
  #request: AgentRequest | undefined;
  /** What the agent has put in the form besides the amount, and what was said about it. */
  #form: ComposerForm = EMPTY_FORM;
  readonly #mask = new AmountMaskController(this, () => ({ locale: this.#locale, currency: this.#chosen }), {
    typed: (refused) => this.#note({ type: 'amount.typed', refused }),
    decimalsDropped: (currency) => {
      this.#form = nextForm(this.#form, { type: 'amount.decimals-dropped', currency });
    },
  });

  constructor() {
    super();
    // Re-renders on every change of what the element shows.
    new FollowController(this, () => this.#request?.actor, actorChanges);
    this.currency = 'USD';
    this.messages = {};
  }

  get #words(): RequestComposerMessages {
    return messagesFor('chatpay-request-composer', this.#locale, REQUEST_COMPOSER_MESSAGES_EN, this.messages);
  }

  get #locale(): string | undefined {
    return localeFor(this.locale);
  }

  /** The currency chosen now (the agent's choice while it is allowed). */
  get #chosen(): string {
    return currenciesOf(this.currency, this.currencies, this.#form.chosen).chosen;
  }

  /** Something happened to the form: it moves on, and the composer shows it. */
  #note(event: FormEvent): void {
    this.#form = nextForm(this.#form, event);
    this.requestUpdate();
  }

  /** What the composer shows now, from its form, its request and the mask. */
  #view(): ComposerView {
    return connectRequestComposer(this.#state(), this.#words);
  }

  #state(): ComposerState {
    return {
      form: this.#form,
      snapshot: this.#request?.actor.getSnapshot(),
      amountText: this.#mask.value,
      currency: this.currency,
      currencies: this.currencies,
      locale: this.#locale,
      hasSession: !!this.session,
      maximum: this.session?.maximumAmount,
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && changed.get('session') !== undefined) this.#request = undefined;
  }

  async #review(event: Event): Promise<void> {
    event.preventDefault();
    const session = this.session;
    if (!session || this.#view().confirmation) return;
    this.#note({ type: 'review.asked' });
    const amount = amountOf(this.#state());
    if (!amount.ok || this.#view().reasonError) return this.#focus(amount.ok ? '#reason' : '#amount');
    try {
      this.#request ??= session.createRequest();
    } catch {
      this.#note({ type: 'refused', refusal: { field: 'amount', problem: { kind: 'not-sent' } } });
      return this.#focus('#amount');
    }
    const reviewed = this.#request.review({ amount: amount.value, reason: this.#form.reason });
    if (!reviewed.ok) {
      const refusal = refusalOf(reviewed.error, amount.value.currency);
      this.#note({ type: 'refused', refusal });
      return this.#focus(`#${refusal.field}`);
    }
    return this.#focus('[part~="send"]');
  }

  /** Moves focus, once the update under way has rendered: to the first error, or to what comes next. */
  async #focus(selector: string): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #back(): Promise<void> {
    this.#request?.edit();
    return this.#focus('[part~="request"]');
  }

  #send(event: MouseEvent): Promise<void> | undefined {
    // The second click of a double click on Request lands here: it is not a decision to send.
    if (event.detail > 1) return;
    const request = this.#request;
    if (!request) return;
    const sent = request.send();
    if (!sent.ok) {
      // Already on its way: nothing twice.
      if (!this.#view().confirmation) return;
      this.#note({ type: 'refused', refusal: { field: 'send', problem: { kind: 'not-sent' } } });
      return;
    }
    const detail: RequestSentDetail = { requestId: request.requestId, conversationId: request.conversationId };
    this.#request = undefined;
    this.#form = nextForm(this.#form, { type: 'request.sent' });
    this.#mask.clear();
    this.dispatchEvent(new CustomEvent('chatpay-request-sent', { detail, bubbles: true, composed: true }));
    return this.#focus('#amount');
  }

  #discard(): Promise<void> {
    this.#request?.cancel();
    this.#request = undefined;
    return this.#focus('[part~="request"]');
  }

  #confirmation(confirmation: NonNullable<ComposerView['confirmation']>) {
    const words = this.#words;
    return html`<section part="confirmation" aria-labelledby="confirm-title">
      <h2 id="confirm-title">${words.confirmTitle}</h2>
      <dl class="summary" id="summary">
        <dt>${words.amount}</dt>
        <dd><strong>${confirmation.amount}</strong></dd>
        <dt>${words.reason}</dt>
        <dd><bdi>${confirmation.reason}</bdi></dd>
      </dl>
      ${confirmation.error ? html`<p class="error" role="alert">${confirmation.error}</p>` : nothing}
      <div class="actions">
        <button part="back" type="button" @click=${this.#back}>${words.back}</button>
        <button part="send" class="primary" type="button" aria-describedby="summary" @click=${this.#send}>
          ${words.send}
        </button>
      </div>
    </section>`;
  }

  protected override render() {
    const words = this.#words;
    const view = this.#view();
    const { amountError, reasonError, confirmation } = view;
    return html`
      ${view.currencyError ? html`<p class="error" role="alert">${view.currencyError}</p>` : nothing}
      <form part="base" novalidate ?hidden=${!!confirmation} @submit=${this.#review} aria-labelledby="title">
        <h2 id="title">${words.title}</h2>
        <div class="row">
          <label>
            ${words.amount}
            <input
              id="amount"
              inputmode="decimal"
              autocomplete="off"
              aria-invalid=${amountError ? 'true' : 'false'}
              aria-describedby=${amountError ? 'amount-hint amount-error' : 'amount-hint'}
              @blur=${() => this.#leave('amount')}
              @input=${this.#mask.input}
              @compositionend=${this.#mask.input}
            />
          </label>
          ${
            view.currencies.length > 1
              ? html`<label>
                  ${words.currency}
                  <select
                    id="currency"
                    @change=${(event: Event) =>
                      this.#note({ type: 'currency.chosen', currency: (event.target as HTMLSelectElement).value })}
                  >
                    ${view.currencies.map(
                      (code) => html`<option value=${code} ?selected=${code === view.chosen}>${code}</option>`,
                    )}
                  </select>
                </label>`
              : nothing
          }
        </div>
        <p id="amount-hint" class="hint">${view.amountHint}</p>
        ${amountError ? html`<p id="amount-error" class="error" role="alert">${amountError}</p>` : nothing}
        <label>
          ${words.reason}
          <textarea
            id="reason"
            .value=${this.#form.reason}
            aria-invalid=${reasonError ? 'true' : 'false'}
            aria-describedby=${reasonError ? 'reason-count reason-error' : 'reason-count'}
            @input=${(event: Event) =>
              this.#note({ type: 'reason.typed', reason: (event.target as HTMLTextAreaElement).value })}
            @blur=${() => this.#leave('reason')}
          ></textarea>
        </label>
        <p id="reason-count" class="hint">${view.reasonCount}</p>
        ${reasonError ? html`<p id="reason-error" class="error" role="alert">${reasonError}</p>` : nothing}
        <div class="actions">
          <button part="request" class="primary" type="submit" ?disabled=${!view.requestEnabled}>
            ${words.request}
          </button>
          ${
            view.discardOffered
              ? html`<button part="discard" type="button" @click=${this.#discard}>${words.discard}</button>`
              : nothing
          }
        </div>
      </form>
      ${confirmation ? this.#confirmation(confirmation) : nothing}
      <p class="visually-hidden" role="status">${view.announced}</p>
    `;
  }

  /** A field was left: it shows its errors if something was typed in it. */
  #leave(field: Field): void {
    this.#note({ type: 'field.left', field, amountTyped: this.#mask.value !== '' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-request-composer': ChatPayRequestComposer;
  }
  interface HTMLElementEventMap {
    'chatpay-request-sent': CustomEvent<RequestSentDetail>;
  }
}
