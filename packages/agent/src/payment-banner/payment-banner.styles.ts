import { css } from 'lit';

export const paymentBannerStyles = css`
  :host {
    display: block;
    font: inherit;
  }
  ul {
    display: grid;
    gap: 0.5rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li[part~='banner'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: var(--chatpay-payment-banner-padding, 0.5rem 1rem);
    border: 1px solid var(--chatpay-payment-banner-border-color, var(--chatpay-color-success, var(--_chatpay-success)));
    border-inline-start-width: 0.375rem;
    border-radius: var(--chatpay-radius, var(--_chatpay-radius));
    background: var(--chatpay-payment-banner-background, var(--chatpay-color-surface, var(--_chatpay-surface)));
    color: var(--chatpay-payment-banner-color, var(--chatpay-color-text, var(--_chatpay-text)));
  }
  .text {
    flex: 1 1 12rem;
    margin: 0;
  }
`;
