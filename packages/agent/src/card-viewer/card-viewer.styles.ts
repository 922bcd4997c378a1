import { css } from 'lit';

export const cardViewerStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--chatpay-card-viewer-color, var(--chatpay-color-text, var(--_chatpay-text)));
  }
  [part~='base'] {
    display: grid;
    gap: var(--chatpay-card-viewer-gap, 0.75rem);
  }
  dl {
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }
  .row,
  .charge-row {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    align-items: center;
    gap: 0.25rem 1rem;
  }
  dt {
    font-size: 0.875rem;
  }
  .charge-row dd {
    display: block;
  }
  dd {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
  }
  .value {
    flex: 1 1 auto;
    font-family: var(--chatpay-card-viewer-value-font, ui-monospace, monospace);
    font-size: 1.0625rem;
    user-select: all;
    overflow-wrap: anywhere;
  }
  /* A card number, an expiry or a code stays on one line, as the agent will type it. */
  .value.digits {
    white-space: nowrap;
  }
  .feedback {
    font-size: 0.8125rem;
    min-inline-size: 4em;
  }
  /* Under the copied value, on a line of its own. */
  .note {
    flex-basis: 100%;
    font-size: 0.8125rem;
  }
  .stuck {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .message {
    margin: 0;
  }
  .amount {
    font-weight: 600;
    font-size: 1.0625rem;
  }
  /* The reason as typed, whole, wrapped where it must be. */
  .reason {
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .urgent {
      border-color: CanvasText;
      color: CanvasText;
    }
  }
  .error {
    color: var(--chatpay-color-danger, var(--_chatpay-danger));
  }
`;
