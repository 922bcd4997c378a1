import { css } from 'lit';

export const paymentRequestStyles = css`
  :host {
    display: block;
    font: inherit;
  }
  [part='base'] {
    display: grid;
    gap: var(--chatpay-payment-request-gap, 0.75rem);
    padding: var(--chatpay-payment-request-padding, 1rem);
    border: 1px solid var(--chatpay-payment-request-border-color, var(--chatpay-color-border, var(--_chatpay-border)));
    border-radius: var(--chatpay-payment-request-radius, var(--chatpay-radius, var(--_chatpay-radius)));
    background: var(--chatpay-payment-request-background, var(--chatpay-color-surface, var(--_chatpay-surface)));
    color: var(--chatpay-payment-request-color, var(--chatpay-color-text, var(--_chatpay-text)));
  }
  h2 {
    font-size: 1rem;
    margin: 0;
  }
  .amount {
    font-size: 1.5rem;
    font-weight: 600;
    margin: 0;
  }
  .reason {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .status {
    margin: 0;
    font-weight: 600;
  }
`;
