import { css } from 'lit';

export const paymentAskStyles = css`
  :host {
    display: block;
    font: inherit;
  }
  section:focus-visible {
    outline: 2px solid var(--chatpay-color-focus, var(--_chatpay-focus));
    outline-offset: 2px;
  }
  [part~='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: var(--chatpay-payment-ask-padding, 0.5rem 1rem);
    border: 1px solid var(--chatpay-payment-ask-border-color, var(--chatpay-color-accent, var(--_chatpay-accent)));
    border-inline-start-width: 0.375rem;
    border-radius: var(--chatpay-radius, var(--_chatpay-radius));
    background: var(--chatpay-payment-ask-background, var(--chatpay-color-surface, var(--_chatpay-surface)));
    color: var(--chatpay-payment-ask-color, var(--chatpay-color-text, var(--_chatpay-text)));
  }
  .words {
    flex: 1 1 14rem;
    margin: 0;
  }
  .text {
    display: block;
    font-weight: 600;
  }
`;
