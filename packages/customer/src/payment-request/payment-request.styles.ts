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
    border-radius: var(--chatpay-payment-request-radius, var(--chatpay-radius, 0.5rem));
    background: var(--chatpay-payment-request-background, var(--chatpay-color-surface, Canvas));
    color: var(--chatpay-payment-request-color, var(--chatpay-color-text, CanvasText));
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
  button {
    font: inherit;
    min-block-size: 2.75rem;
    padding-inline: 1rem;
    border-radius: var(--chatpay-radius, 0.375rem);
    border: 1px solid var(--chatpay-color-border, var(--_chatpay-border));
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button.primary {
    border-color: transparent;
    background: var(--chatpay-color-accent, var(--_chatpay-accent));
    color: var(--chatpay-color-on-accent, var(--_chatpay-on-accent));
  }
  button:focus-visible {
    outline: 2px solid var(--chatpay-color-focus, Highlight);
    outline-offset: 2px;
  }
  .status {
    margin: 0;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    button.primary {
      border: 1px solid ButtonText;
    }
  }
`;
