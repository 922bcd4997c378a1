import { formatMoney, type CustomerRequest } from '@chatpay/core';
// imask's smallest entry point, with only the masks the form uses (patterns, and ranges for the expiry).
import IMask from 'imask/holder';
import 'imask/masked/pattern';
import 'imask/masked/range';
import type { FactoryArg, InputMask } from 'imask';
import { defaultTokens, localeFor, messagesFor, reducedMotion } from '@chatpay/ui';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import {
  validateCardholderName,
  validateCardNumber,
  validateExpiry,
  validatePostalCode,
  validateSecurityCode,
  type CardDefinition,
  type CardFieldReason,
  type FieldCheck,
} from '../card-fields/index.js';
import { CARD_FORM_MESSAGES_EN, type CardFormMessages } from './card-form.messages.js';
import { cardFormStyles } from './card-form.styles.js';

/** What `chatpay-card-sealed` carries: the brand and the last four digits, never more. */
export interface CardSealedDetail {
  readonly brand: string;
  readonly lastFour: string;
}

type Field = 'number' | 'name' | 'expiry' | 'securityCode' | 'postalCode';

/** The mask pattern for a card number with `gaps` and at most `length` digits: `0000 000000 00000`. */
function numberPattern(gaps: readonly number[], length: number): string {
  let pattern = '';
  for (let index = 0; index < length; index++) pattern += (gaps.includes(index) ? ' ' : '') + '0';
  return pattern;
}

/**
 * The secure card form: number, name on card, expiry and security code (and optionally a billing
 * postal code). Pay is enabled only once every field is valid; the card is then sealed in this browser
 * by the request's session and the fields are cleared. Card data never leaves the form but sealed:
 * not in attributes, events, the form's value or errors. After a reload while the card was being
 * entered, the form comes back empty and says (politely, above the fields) that the details were not
 * kept and must be entered again.
 *
 * @tag chatpay-card-form
 * @event chatpay-card-sealed - The card was sealed and handed to the session. `detail`: `{ brand, lastFour }`.
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
  /** Brands accepted (credit-card-type ids); all known brands when unset. */
  declare acceptedBrands: readonly string[] | undefined;
  /** Gift and private-label card definitions. */
  declare extraCards: readonly CardDefinition[];
  /** Overrides of the form's words. */
  declare messages: Partial<CardFormMessages>;
  /** The clock for the expiry check. */
  declare now: () => Date;

  // What the person typed lives here, in memory only, until it is sealed.
  #values: Record<Field, string> = { number: '', name: '', expiry: '', securityCode: '', postalCode: '' };
  #touched = new Set<Field>();
  #paying = false;
  #failed = false;
  /** Set after the first render: the resumed notice then fills a live region that was already there, and is announced. */
  #announcing = false;
  #masks: Partial<Record<Field, InputMask<FactoryArg>>> = {};
  /** The patterns the number and code masks use now. */
  #patterns: Partial<Record<Field, string>> = {};

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

  #checks() {
    const number = validateCardNumber(this.#values.number, {
      extraCards: this.extraCards,
      ...(this.acceptedBrands ? { acceptedBrands: this.acceptedBrands } : {}),
    });
    const name = validateCardholderName(this.#values.name);
    const checks: Record<Field, FieldCheck<CardFieldReason>> = {
      number,
      name,
      expiry: validateExpiry(this.#values.expiry, this.now()),
      securityCode: validateSecurityCode(this.#values.securityCode, number.securityCode),
      postalCode: validatePostalCode(this.#values.postalCode, { required: this.postalCode }),
    };
    const fields: Field[] = [
      'number',
      'name',
      'expiry',
      'securityCode',
      ...(this.postalCode ? (['postalCode'] as const) : []),
    ];
    return { number, name, checks, fields, valid: fields.every((field) => checks[field].isValid) };
  }

  protected override firstUpdated(): void {
    // The notice goes into the live region once it is in the page, in an update of its own.
    this.#announcing = true;
    if (this.request?.resumed) void this.updateComplete.then(() => this.requestUpdate());
    const input = (field: Field) => this.renderRoot.querySelector<HTMLInputElement>(`#${field}`)!;
    this.#masks.number = IMask(input('number'), { mask: numberPattern([4, 8, 12], 19) });
    this.#masks.expiry = IMask(input('expiry'), {
      mask: 'MM/YY',
      blocks: {
        MM: { mask: IMask.MaskedRange, from: 1, to: 12, maxLength: 2, autofix: 'pad' },
        YY: { mask: IMask.MaskedRange, from: 0, to: 99, maxLength: 2 },
      },
    });
    this.#masks.securityCode = IMask(input('securityCode'), { mask: '0000' });
    for (const field of ['number', 'expiry', 'securityCode'] as const) {
      this.#masks[field]!.on('accept', () => this.#set(field, this.#masks[field]!.value));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The number's groups and the code's length follow the brand.
    const { number } = this.#checks();
    const pattern = numberPattern(number.gaps, number.maxLength);
    this.#repattern('number', pattern);
    const size = number.securityCode ? number.securityCode.size : number.securityCode === null ? 0 : 4;
    this.#repattern('securityCode', '0'.repeat(Math.max(size, 1)));
  }

  #repattern(field: 'number' | 'securityCode', pattern: string): void {
    const mask = this.#masks[field];
    if (!mask || this.#patterns[field] === pattern) return;
    this.#patterns[field] = pattern;
    mask.updateOptions({ mask: pattern } as Parameters<typeof mask.updateOptions>[0]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const mask of Object.values(this.#masks)) mask?.destroy();
    this.#masks = {};
    this.#clear();
  }

  #set(field: Field, value: string): void {
    this.#values = { ...this.#values, [field]: value };
    this.#failed = false;
    this.requestUpdate();
  }

  #touch(field: Field): void {
    this.#touched.add(field);
    this.requestUpdate();
  }

  #clear(): void {
    this.#values = { number: '', name: '', expiry: '', securityCode: '', postalCode: '' };
    for (const mask of Object.values(this.#masks)) if (mask) mask.value = '';
    for (const input of this.renderRoot.querySelectorAll('input')) input.value = '';
    this.#touched.clear();
  }

  /** Enter in a field tries to pay even while Pay is disabled (which blocks the browser's own submission): errors then show. */
  #tryPay(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing || !(event.target instanceof HTMLInputElement)) return;
    void this.#pay(event);
  }

  async #pay(event: Event): Promise<void> {
    event.preventDefault();
    if (this.#paying) return;
    const { checks, fields, valid, number, name } = this.#checks();
    if (!valid || !this.request) {
      fields.forEach((field) => this.#touched.add(field));
      this.requestUpdate();
      await this.updateComplete;
      const first = fields.find((field) => !checks[field].isValid);
      if (first) this.renderRoot.querySelector<HTMLInputElement>(`#${first}`)?.focus();
      return;
    }
    this.#paying = true;
    this.requestUpdate();
    const [month, year] = this.#values.expiry.split('/');
    const card = {
      number: number.digits,
      name: name.value,
      expiry: `${month}/${year}`,
      securityCode: this.#values.securityCode,
      brand: number.brand ?? 'unknown',
      ...(this.postalCode ? { postalCode: this.#values.postalCode.trim() } : {}),
    };
    const result = await this.request.pay(card);
    this.#paying = false;
    if (result.ok) {
      const detail: CardSealedDetail = { brand: card.brand, lastFour: card.number.slice(-4) };
      this.#clear();
      this.dispatchEvent(new CustomEvent('chatpay-card-sealed', { detail, bubbles: true, composed: true }));
    } else {
      this.#failed = true;
    }
    this.requestUpdate();
  }

  #field(
    field: Field,
    label: string,
    check: FieldCheck<CardFieldReason>,
    attributes: { autocomplete: string; dir: 'ltr' | 'auto'; inputmode?: string; hint?: string },
  ) {
    const showError = this.#touched.has(field) && !check.isValid && check.reason !== null;
    const described = [attributes.hint ? `${field}-hint` : '', showError ? `${field}-error` : '']
      .filter(Boolean)
      .join(' ');
    const onInput = (event: Event) => {
      if (!this.#masks[field]) this.#set(field, (event.target as HTMLInputElement).value);
    };
    // The hint and the error describe the field (aria-describedby) and sit outside its label, so that
    // its name is only the label's words.
    return html`<div part="field ${field}" class="field">
      <label>
        ${label}
        <input
          id=${field}
          dir=${attributes.dir}
          name=${attributes.autocomplete}
          autocomplete=${attributes.autocomplete}
          inputmode=${attributes.inputmode ?? nothing}
          aria-invalid=${showError ? 'true' : 'false'}
          aria-describedby=${described || nothing}
          @input=${onInput}
          @blur=${() => this.#touch(field)}
      /></label>
      ${attributes.hint ? html`<span id="${field}-hint" class="brand">${attributes.hint}</span>` : nothing}
      ${showError ? html`<p id="${field}-error" class="error" role="alert">${this.#words.errors[check.reason!]}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const words = this.#words;
    const { number, checks, valid } = this.#checks();
    const codeLabel = number.securityCode?.name ?? words.securityCode;
    const amount = this.request ? formatMoney(this.request.terms.amount, localeFor(this.locale)) : '';
    const resumed = this.#announcing && this.request?.resumed === true;
    return html`<form novalidate @submit=${this.#pay} @keydown=${this.#tryPay}>
      <p part="resumed" class=${resumed ? 'resumed' : 'resumed empty'} role="status">${resumed ? words.resumed : ''}</p>
      <fieldset part="base">
        <legend>${words.legend}</legend>
        ${
          // Card numbers, expiry dates and codes are written left to right in every language (in a
          // right-to-left field a card number's groups would show in reverse order); names follow
          // what is typed.
          this.#field('number', words.number, checks.number, {
            autocomplete: 'cc-number',
            dir: 'ltr',
            inputmode: 'numeric',
          })
        }
        <p class="brand" aria-live="polite">${number.niceName ? words.brand(number.niceName) : ''}</p>
        ${this.#field('name', words.name, checks.name, { autocomplete: 'cc-name', dir: 'auto' })}
        <div class="row">
          ${this.#field('expiry', words.expiry, checks.expiry, { autocomplete: 'cc-exp', dir: 'ltr', inputmode: 'numeric', hint: words.expiryHint })}
          ${number.securityCode === null ? nothing : this.#field('securityCode', codeLabel, checks.securityCode, { autocomplete: 'cc-csc', dir: 'ltr', inputmode: 'numeric' })}
        </div>
        ${this.postalCode ? this.#field('postalCode', words.postalCode, checks.postalCode, { autocomplete: 'postal-code', dir: 'auto' }) : nothing}
        ${this.#failed ? html`<p class="error" role="alert">${words.failed}</p>` : nothing}
        <button part="pay" type="submit" ?disabled=${!valid || this.#paying || !this.request}>
          ${this.#paying ? words.paying : words.pay(amount)}
        </button>
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
