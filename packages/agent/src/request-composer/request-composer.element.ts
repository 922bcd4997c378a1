import {
  asciiDigits,
  currencyDigits,
  formatMoney,
  isCurrency,
  MAX_REASON_LENGTH,
  numberSeparators,
  parseAmount,
  type AgentRequest,
  type AgentSession,
  type MoneyError,
} from '@chatpay/core';
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
// imask's smallest entry point, with only the number mask.
import IMask from 'imask/holder';
import 'imask/masked/number';
import type { InputMask, MaskedNumberOptions } from 'imask';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { droppedTyping, type AmountRules } from './amount-typing.js';
import { REQUEST_COMPOSER_MESSAGES_EN, type RequestComposerMessages } from './request-composer.messages.js';
import { requestComposerStyles } from './request-composer.styles.js';

/** What `chatpay-request-sent` carries. */
export interface RequestSentDetail {
  readonly requestId: string;
  readonly conversationId: string;
}

type Field = 'amount' | 'reason';

/**
 * The agent's card request, in the chat composer: amount to charge (masked for the currency and the
 * locale), currency, reason for charge. Request shows a confirmation; Back returns to the fields with
 * nothing lost; Send sends it once, however many times it is clicked.
 *
 * @tag chatpay-request-composer
 * @event chatpay-request-sent - The request was confirmed and handed to the session. `detail`: `{ requestId, conversationId }`.
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
  #chosen: string | undefined;
  #reason = '';
  #touched = new Set<Field>();
  /** A refusal from the session, shown on the field it concerns (or on the confirmation). */
  #refusal: { readonly field: Field | 'send'; readonly text: string } | null = null;
  #announcement = '';
  #mask: InputMask<MaskedNumberOptions> | undefined;
  #rules: AmountRules = { decimal: '.', group: ',', mapToRadix: ['.'], scale: 2 };
  #pendingTyping: { readonly typed: string; readonly before: string } | null = null;
  /** Something typed that the mask did not take, said next to the amount until the next keystroke it takes. */
  #typingNotice: string | null = null;
  #maskedFor = '';

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

  /** The allowed currencies, in order, and the one chosen now. */
  get #currencies(): { readonly list: readonly string[]; readonly chosen: string } {
    const list = this.currencies?.length ? this.currencies : [this.currency];
    const chosen =
      this.#chosen && list.includes(this.#chosen)
        ? this.#chosen
        : list.includes(this.currency)
          ? this.currency
          : list[0]!;
    return { list, chosen };
  }

  #amount(): ReturnType<typeof parseAmount> {
    const { chosen } = this.#currencies;
    return parseAmount(this.#mask?.value ?? '', chosen, {
      locale: this.#locale,
      ...(this.session ? { maximum: this.session.maximumAmount } : {}),
    });
  }

  #amountError(error: MoneyError, currency: string): string {
    const words = this.#words.amountErrors;
    if (error.code === 'over-maximum' && this.session) {
      const scale = 10 ** currencyDigits(currency);
      return words.overMaximum(formatMoney({ minor: this.session.maximumAmount * scale, currency }, this.#locale));
    }
    if (error.code === 'too-many-decimals') return words.tooManyDecimals(currency, currencyDigits(currency));
    return words[error.code];
  }

  #reasonError(): string | null {
    const reason = this.#reason.trim();
    if (reason === '') return this.#words.reasonRequired;
    if (reason.length > MAX_REASON_LENGTH) return this.#words.reasonInvalid(MAX_REASON_LENGTH);
    return null;
  }

  protected override firstUpdated(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#amount')!;
    this.#mask = IMask(input, this.#maskOptions());
    this.#mask.on('accept', () => {
      this.#refusal = null;
      this.#typingNotice = null;
      this.requestUpdate();
    });
  }

  /** What is about to be typed or pasted into the amount, to see afterwards whether the mask took it all. */
  #beforeAmountInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const typed = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
    const collapsed = input.selectionStart === input.selectionEnd;
    this.#pendingTyping = typed && collapsed && this.#mask ? { typed, before: this.#mask.unmaskedValue } : null;
  }

  #afterAmountInput(): void {
    const pending = this.#pendingTyping;
    this.#pendingTyping = null;
    // The mask handles the same input event after this listener: judge once it has.
    queueMicrotask(() => {
      if (!pending || !this.#mask) return;
      const notice = droppedTyping(pending.typed, pending.before, this.#mask.unmaskedValue, this.#rules);
      if (!notice) return;
      const words = this.#words;
      const { decimal, group, scale } = this.#rules;
      const currency = this.#currencies.chosen;
      this.#typingNotice =
        notice === 'group-separator'
          ? words.groupSeparatorTyped(group, decimal)
          : notice === 'not-a-number'
            ? words.notANumber(decimal)
            : words.amountErrors.tooManyDecimals(currency, scale);
      this.#touched.add('amount');
      this.requestUpdate();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && changed.get('session') !== undefined) this.#forget();
    if (this.#mask && this.#maskedFor !== this.#maskKey()) this.#remask();
  }

  /** The locale and currency the mask was made for. */
  #maskKey(): string {
    return `${this.#locale ?? ''} ${this.#currencies.chosen}`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#mask?.destroy();
    this.#mask = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the page: the mask comes back on the same input.
    const input = this.renderRoot.querySelector<HTMLInputElement>('#amount');
    if (input && !this.#mask) this.firstUpdated();
  }

  #maskOptions(): MaskedNumberOptions {
    this.#maskedFor = this.#maskKey();
    const { chosen } = this.#currencies;
    const { group, decimal } = numberSeparators(this.#locale);
    const scale = isCurrency(chosen) ? currencyDigits(chosen) : 2;
    // "." or "," typed where the locale's decimal separator is meant, unless it is the group separator.
    const mapToRadix = ['.', ','].filter((mark) => mark !== group);
    this.#rules = { decimal, group, mapToRadix, scale };
    return {
      mask: Number,
      scale,
      radix: decimal,
      thousandsSeparator: group,
      mapToRadix,
      // Digits typed in another script (Arabic-Indic, Devanagari, full-width) count as digits.
      prepareChar: (text: string) => asciiDigits(text),
      min: 0,
      normalizeZeros: true,
      padFractionalZeros: false,
    };
  }

  /**
   * New currency or locale: the same number, masked anew. If the new currency takes fewer decimals the
   * amount changes, and the agent is told so next to it.
   */
  #remask(): void {
    const mask = this.#mask!;
    const before = mask.unmaskedValue;
    mask.updateOptions(this.#maskOptions() as Parameters<typeof mask.updateOptions>[0]);
    mask.unmaskedValue = before;
    if (Number(mask.unmaskedValue) !== Number(before)) {
      this.#touched.add('amount');
      this.#refusal = { field: 'amount', text: this.#words.decimalsDropped(this.#currencies.chosen) };
    }
  }

  /** Lets go of the request being composed (sent, discarded, or another session). */
  #forget(): void {
    this.#request = undefined;
  }

  #phase() {
    return this.#request?.timeline().phase;
  }

  async #review(event: Event): Promise<void> {
    event.preventDefault();
    const session = this.session;
    if (!session || this.#phase() === 'confirming') return;
    this.#touched.add('amount').add('reason');
    this.#refusal = null;
    const amount = this.#amount();
    const reasonError = this.#reasonError();
    if (!amount.ok || reasonError) return this.#showErrors(amount.ok ? 'reason' : 'amount');
    try {
      this.#request ??= session.createRequest();
    } catch {
      this.#refusal = { field: 'amount', text: this.#words.notSent };
      return this.#showErrors('amount');
    }
    const reviewed = this.#request.review({ amount: amount.value, reason: this.#reason });
    if (!reviewed.ok) {
      const { error } = reviewed;
      const field: Field = error.code === 'invalid-reason' ? 'reason' : 'amount';
      const text =
        field === 'reason'
          ? this.#words.reasonInvalid(MAX_REASON_LENGTH)
          : error.name === 'MoneyError'
            ? this.#amountError(error as MoneyError, amount.value.currency)
            : this.#words.notSent;
      this.#refusal = { field, text };
      return this.#showErrors(field);
    }
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="send"]')?.focus();
  }

  async #showErrors(first: Field): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
  }

  async #back(): Promise<void> {
    this.#request?.edit();
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="request"]')?.focus();
  }

  async #send(event: MouseEvent): Promise<void> {
    // The second click of a double click on Request lands here: it is not a decision to send.
    if (event.detail > 1) return;
    const request = this.#request;
    if (!request) return;
    const sent = request.send();
    if (!sent.ok) {
      if (request.timeline().phase !== 'confirming') return; // already on its way: nothing twice
      this.#refusal = { field: 'send', text: this.#words.notSent };
      this.requestUpdate();
      return;
    }
    const detail: RequestSentDetail = { requestId: request.requestId, conversationId: request.conversationId };
    this.#forget();
    this.#reason = '';
    this.#touched.clear();
    if (this.#mask) this.#mask.value = '';
    this.#announcement = this.#words.sent;
    this.dispatchEvent(new CustomEvent('chatpay-request-sent', { detail, bubbles: true, composed: true }));
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#amount')?.focus();
  }

  async #discard(): Promise<void> {
    this.#request?.cancel();
    this.#forget();
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="request"]')?.focus();
  }

  #chooseCurrency(event: Event): void {
    this.#chosen = (event.target as HTMLSelectElement).value;
    this.requestUpdate();
  }

  #errorFor(field: Field): string | null {
    if (!this.#touched.has(field)) return null;
    if (field === 'amount' && this.#typingNotice) return this.#typingNotice;
    const own = field === 'amount' ? this.#amountCheck() : this.#reasonError();
    return own ?? (this.#refusal?.field === field ? this.#refusal.text : null);
  }

  #amountCheck(): string | null {
    const amount = this.#amount();
    return amount.ok ? null : this.#amountError(amount.error, this.#currencies.chosen);
  }

  #confirmation(request: AgentRequest) {
    const words = this.#words;
    const draft = request.actor.getSnapshot().context.draft;
    if (!draft) return nothing;
    return html`<section part="confirmation" aria-labelledby="confirm-title">
      <h2 id="confirm-title">${words.confirmTitle}</h2>
      <dl class="summary" id="summary">
        <dt>${words.amount}</dt>
        <dd><strong>${formatMoney(draft.amount, this.#locale)}</strong></dd>
        <dt>${words.reason}</dt>
        <dd><bdi>${draft.reason}</bdi></dd>
      </dl>
      ${this.#refusal?.field === 'send' ? html`<p class="error" role="alert">${this.#refusal.text}</p>` : nothing}
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
    const { list, chosen } = this.#currencies;
    const unknown = list.find((code) => !isCurrency(code));
    const confirming = this.#request && this.#phase() === 'confirming' ? this.#request : undefined;
    const amountError = this.#errorFor('amount');
    const reasonError = this.#errorFor('reason');
    const amountHint = isCurrency(chosen) ? words.amountHint(chosen, currencyDigits(chosen)) : '';
    return html`
      ${unknown ? html`<p class="error" role="alert">${words.currencyUnknown(unknown)}</p>` : nothing}
      <form part="base" novalidate ?hidden=${!!confirming} @submit=${this.#review} aria-labelledby="title">
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
              @blur=${() => this.#touch('amount')}
              @beforeinput=${this.#beforeAmountInput}
              @input=${this.#afterAmountInput}
            />
          </label>
          ${
            list.length > 1
              ? html`<label>
                  ${words.currency}
                  <select id="currency" @change=${this.#chooseCurrency}>
                    ${list.map((code) => html`<option value=${code} ?selected=${code === chosen}>${code}</option>`)}
                  </select>
                </label>`
              : nothing
          }
        </div>
        <p id="amount-hint" class="hint">${amountHint}</p>
        ${amountError ? html`<p id="amount-error" class="error" role="alert">${amountError}</p>` : nothing}
        <label>
          ${words.reason}
          <textarea
            id="reason"
            maxlength=${MAX_REASON_LENGTH}
            .value=${this.#reason}
            aria-invalid=${reasonError ? 'true' : 'false'}
            aria-describedby=${reasonError ? 'reason-count reason-error' : 'reason-count'}
            @input=${(event: Event) => this.#setReason((event.target as HTMLTextAreaElement).value)}
            @blur=${() => this.#touch('reason')}
          ></textarea>
        </label>
        <p id="reason-count" class="hint">${words.reasonCount(this.#reason.length, MAX_REASON_LENGTH)}</p>
        ${reasonError ? html`<p id="reason-error" class="error" role="alert">${reasonError}</p>` : nothing}
        <div class="actions">
          <button part="request" class="primary" type="submit" ?disabled=${!this.session || !!unknown}>
            ${words.request}
          </button>
          ${
            this.#request
              ? html`<button part="discard" type="button" @click=${this.#discard}>${words.discard}</button>`
              : nothing
          }
        </div>
      </form>
      ${confirming ? this.#confirmation(confirming) : nothing}
      <p class="visually-hidden" role="status">${this.#announcement}</p>
    `;
  }

  /** Leaving a field shows its errors only if something was typed in it: an untouched empty field is not an error yet. */
  #touch(field: Field): void {
    const typed =
      field === 'amount' ? (this.#mask?.value ?? '') !== '' || this.#refusal?.field === 'amount' : this.#reason !== '';
    if (!typed) return;
    this.#touched.add(field);
    this.requestUpdate();
  }

  #setReason(value: string): void {
    this.#reason = value;
    this.#announcement = '';
    if (this.#refusal?.field === 'reason') this.#refusal = null;
    this.requestUpdate();
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
