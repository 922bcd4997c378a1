import type { CustomerRequest } from '@chatpay/core';
import { defaultTokens, localeFor, messagesFor, reducedMotion } from '@chatpay/ui';
import { html, LitElement, nothing } from 'lit';
import type { CardDefinition } from '../card-fields/index.js';
import {
  connectCardForm,
  payAttempt,
  sealedDetailOf,
  type CardFormFieldView,
  type CardFormState,
  type CardSealedDetail,
} from './card-form.connect.js';
import { CardFormMasks } from './card-form.masks.js';
import {
  CARD_FORM_FRESH,
  nextCardFormMemory,
  type CardFormMemory,
  type CardFormMemoryEvent,
} from './card-form.memory.js';
import { CARD_FORM_MESSAGES_EN, type CardFormMessages } from './card-form.messages.js';
import { cardFormStyles } from './card-form.styles.js';

export type { CardSealedDetail };

/**
 * The secure card form: number, name on card, expiry and security code (and optionally a billing
 * postal code). Pay is enabled only once every field is valid; the card is then sealed in this browser
 * by the request's session and the fields are cleared. Card data never leaves the form but sealed:
 * not in attributes, events, the form's value or errors. After a reload while the card was being
 * entered, the form comes back empty and says (politely, above the fields) that the details were not
 * kept and must be entered again.
 *
 * @tag chatpay-card-form
 * @event {CustomEvent<CardSealedDetail>} chatpay-card-sealed - The card was sealed and handed to the session. `detail`: `{ brand, lastFour }`.
 * @csspart base - The fieldset around the fields.
 * @csspart pay - The Pay button.
 * @csspart resumed - The notice above the fields after a reload: the details were not kept.
 * @csspart field - Each field: its label with the input, then its hint and error.
 * @csspart number - The card number field (also `field`).
 * @csspart name - The name on card field (also `field`).
 * @csspart expiry - The expiry field (also `field`).
 * @csspart securityCode - The security code field (also `field`).
 * @csspart postalCode - The postal code field, when asked for (also `field`).
 * @cssproperty --chatpay-card-form-gap - Space between fields.
 * @cssproperty --chatpay-card-form-radius - Corner radius of fields and button.
 * @cssproperty --chatpay-card-form-pay-background - The Pay button's background.
 * @cssproperty --chatpay-card-form-pay-color - The Pay button's text colour.
 * @cssproperty --chatpay-card-form-border-color - The fields' borders.
 * @cssproperty --chatpay-card-form-field-background - The fields' background.
 * @cssproperty --chatpay-card-form-color - Its text colour.
 */
export class ChatPayCardForm extends LitElement {
  static override styles = [defaultTokens, reducedMotion, cardFormStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    request: { attribute: false },
    locale: { type: String },
    postalCode: { type: Boolean, attribute: 'postal-code' },
    acceptedBrands: { attribute: false },
    extraCards: { attribute: false },
    messages: { attribute: false },
    now: { attribute: false },
  };

  /**
   * The request being paid: its amount is shown and its session seals and sends the card. When it was
   * `resumed` (the page reloaded while the card was being entered), the form says that the details
   * were not kept.
   */
  declare request: (Pick<CustomerRequest, 'terms' | 'pay'> & Partial<Pick<CustomerRequest, 'resumed'>>) | undefined;
  /** The locale for the amount. Default: the document's language. */
  declare locale: string | undefined;
  /** Ask for a billing postal code too. */
  declare postalCode: boolean;
  /** Brands accepted (@chatpay/cards' brand ids, or extra cards' brands); all known brands when unset. */
  declare acceptedBrands: readonly string[] | undefined;
  /** Gift and private-label card definitions. */
  declare extraCards: readonly CardDefinition[];
  /** Overrides of the form's words. */
  declare messages: Partial<CardFormMessages>;
  /** The clock for the expiry check. */
  declare now: () => Date;

  // What the person typed lives here, in memory only, until it is sealed.
  #memory: CardFormMemory = CARD_FORM_FRESH;
  /** Set after the first render: the resumed notice then fills a live region that was already there, and is announced. */
  #announcing = false;
  readonly #masks = new CardFormMasks((field, value) => this.#remember({ type: 'typed', field, value }));

  constructor() {
    super();
    this.postalCode = false;
    this.extraCards = [];
    this.messages = {};
    this.now = () => new Date();
  }

  get #words(): CardFormMessages {
    return messagesFor('chatpay-card-form', localeFor(this.locale), CARD_FORM_MESSAGES_EN, this.messages);
  }

  get #state(): CardFormState {
    const { postalCode, acceptedBrands, extraCards } = this;
    return {
      memory: this.#memory,
      options: { postalCode, acceptedBrands, extraCards },
      amount: this.request?.terms.amount ?? null,
      locale: localeFor(this.locale),
      now: this.now(),
      resumed: this.#announcing && this.request?.resumed === true,
    };
  }

  #remember(event: CardFormMemoryEvent): void {
    this.#memory = nextCardFormMemory(this.#memory, event);
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in a page after being taken out (moved in the DOM): the masks go back on in the next update.
    if (this.hasUpdated) this.requestUpdate();
  }

  protected override firstUpdated(): void {
    // The notice goes into the live region once it is in the page, in an update of its own.
    this.#announcing = true;
    if (this.request?.resumed) void this.updateComplete.then(() => this.requestUpdate());
  }

  protected override updated(): void {
    // The number's groups and the code's length follow the brand; an input drawn anew gets its mask.
    // Out of the page, it has none (see `disconnectedCallback`).
    if (!this.isConnected) return;
    const { values } = this.#memory;
    this.#masks.bind(this.renderRoot, connectCardForm(this.#state, this.#words).masks, values);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#masks.destroy();
    this.#clear('cleared');
  }

  #clear(event: 'cleared' | 'sealed'): void {
    this.#remember({ type: event });
    this.#masks.clear();
    for (const input of this.renderRoot.querySelectorAll('input')) input.value = '';
  }

  /** Enter in a field tries to pay even while Pay is disabled (which blocks the browser's own submission): errors then show. */
  #tryPay(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing || !(event.target instanceof HTMLInputElement)) return;
    void this.#pay(event);
  }

  async #pay(event: Event): Promise<void> {
    event.preventDefault();
    const request = this.request;
    const attempt = payAttempt(this.#state);
    if (attempt.kind === 'refused') {
      this.#remember({ type: 'pay-refused', fields: attempt.fields });
      await this.updateComplete;
      if (attempt.focus) this.renderRoot.querySelector<HTMLInputElement>(`#${attempt.focus}`)?.focus();
      return;
    }
    if (attempt.kind === 'busy' || !request) return;
    this.#remember({ type: 'paying' });
    const result = await request.pay(attempt.card);
    if (result.ok) {
      const detail: CardSealedDetail = sealedDetailOf(attempt.card);
      this.#clear('sealed');
      this.dispatchEvent(new CustomEvent('chatpay-card-sealed', { detail, bubbles: true, composed: true }));
    } else {
      // The code that seals the card is loaded on demand: a failed load asks to check the connection.
      const failure = result.error.code === 'not-loaded' ? 'not-loaded' : 'not-sent';
      this.#remember({ type: 'not-sealed', failure });
    }
  }

  #field(view: CardFormFieldView) {
    const onInput = (event: Event) => {
      if (!this.#masks.has(view.id)) {
        this.#remember({ type: 'typed', field: view.id, value: (event.target as HTMLInputElement).value });
      }
    };
    // The hint and the error describe the field (aria-describedby) and sit outside its label, so that
    // its name is only the label's words.
    return html`<div part="field ${view.id}" class="field">
      <label>
        ${view.label}
        <input
          id=${view.id}
          dir=${view.dir}
          name=${view.autocomplete}
          autocomplete=${view.autocomplete}
          inputmode=${view.inputmode ?? nothing}
          aria-invalid=${view.error ? 'true' : 'false'}
          aria-describedby=${view.describedBy ?? nothing}
          @input=${onInput}
          @blur=${() => this.#remember({ type: 'left', field: view.id })}
      /></label>
      ${view.hint ? html`<span id="${view.id}-hint" class="brand">${view.hint}</span>` : nothing}
      ${view.error ? html`<p id="${view.id}-error" class="error" role="alert">${view.error}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const view = connectCardForm(this.#state, this.#words);
    const { fields } = view;
    return html`<form novalidate @submit=${this.#pay} @keydown=${this.#tryPay}>
      <p part="resumed" class=${view.resumed ? 'resumed' : 'resumed empty'} role="status">${view.resumed ?? ''}</p>
      <fieldset part="base">
        <legend>${view.legend}</legend>
        ${this.#field(fields.number)}
        <p class="brand" aria-live="polite">${view.brand}</p>
        ${this.#field(fields.name)}
        <div class="row">
          ${this.#field(fields.expiry)} ${fields.securityCode ? this.#field(fields.securityCode) : nothing}
        </div>
        ${fields.postalCode ? this.#field(fields.postalCode) : nothing}
        ${view.failure ? html`<p class="error" role="alert">${view.failure}</p>` : nothing}
        <button part="pay" type="submit" ?disabled=${!view.pay.enabled}>${view.pay.label}</button>
      </fieldset>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-card-form': ChatPayCardForm;
  }
  interface HTMLElementEventMap {
    'chatpay-card-sealed': CustomEvent<CardSealedDetail>;
  }
}
