import { css } from 'lit';

export const paySecurelyOfferStyles = css`
  :host {
    display: block;
    font: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0;
    padding: var(--chatpay-pay-securely-offer-padding, 0.5rem 1rem);
    border: 1px solid
      var(--chatpay-pay-securely-offer-border-color, var(--chatpay-color-accent, var(--_chatpay-accent)));
    border-inline-start-width: 0.375rem;
    border-radius: var(--chatpay-radius, var(--_chatpay-radius));
    background: var(--chatpay-pay-securely-offer-background, var(--chatpay-color-surface, var(--_chatpay-surface)));
    color: var(--chatpay-pay-securely-offer-color, var(--chatpay-color-text, var(--_chatpay-text)));
  }
  .words {
    flex: 1 1 16rem;
    margin: 0;
  }
  .title {
    display: block;
    font-weight: 600;
  }
  .words:focus-visible {
    outline: 2px solid var(--chatpay-color-focus, var(--_chatpay-focus));
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;
