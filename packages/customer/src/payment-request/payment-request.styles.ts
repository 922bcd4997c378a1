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
  /* Empty while the customer has a choice to make; the focus comes here after Pay. */
  .status:focus-visible {
    outline: 2px solid var(--chatpay-color-focus, var(--_chatpay-focus));
    outline-offset: 2px;
  }
  .not-charged {
    display: block;
    font-weight: 400;
  }
  [part='decline-question'] {
    display: grid;
    gap: 0.5rem;
  }
  .question {
    margin: 0;
    font-weight: 600;
  }
  /* The badge says what it means in words; the colour only adds to them. */
  .unverified {
    margin: 0;
    font-size: 0.875rem;
  }
  .badge {
    display: inline-block;
    padding: 0.125rem 0.5rem;
    border: 2px solid var(--chatpay-payment-request-warning-color, var(--chatpay-color-danger, var(--_chatpay-danger)));
    border-radius: var(--chatpay-radius, var(--_chatpay-radius));
    font-size: 0.75rem;
    letter-spacing: 0.02em;
  }
  @media (forced-colors: active) {
    .badge {
      border-color: CanvasText;
    }
  }
`;
