import { css } from 'lit';

export const cardFormStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--chatpay-card-form-color, var(--chatpay-color-text, var(--_chatpay-text)));
  }
  [part='base'] {
    display: grid;
    gap: var(--chatpay-card-form-gap, 0.75rem);
    border: 0;
    margin: 0;
    padding: 0;
    /* A fieldset is as wide as its widest field by default; a chat column may be narrower. */
    min-inline-size: 0;
  }
  /* Always in the page (empty, it takes no room), so that the notice is announced when it appears. */
  .resumed {
    margin: 0 0 0.75rem;
    padding-inline-start: 0.5rem;
    border-inline-start: 4px solid var(--chatpay-color-accent, var(--_chatpay-accent));
    font-size: 0.875rem;
  }
  .resumed.empty {
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.5rem;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--chatpay-card-form-gap, 0.75rem);
  }
  .field,
  label {
    display: grid;
    /* Side by side, a field without a hint keeps its input level with its neighbour's. */
    align-content: start;
    gap: 0.25rem;
    font-size: 0.875rem;
  }
  input {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    min-inline-size: 0;
    min-block-size: 2.75rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--chatpay-card-form-border-color, var(--chatpay-color-border, var(--_chatpay-border)));
    border-radius: var(--chatpay-card-form-radius, var(--chatpay-radius, var(--_chatpay-radius)));
    background: var(--chatpay-card-form-field-background, var(--chatpay-color-surface, var(--_chatpay-field)));
    color: inherit;
  }
  input:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--chatpay-color-focus, var(--_chatpay-focus));
    outline-offset: 2px;
  }
  input[aria-invalid='true'] {
    border-color: var(--chatpay-color-danger, var(--_chatpay-danger));
  }
  .error {
    color: var(--chatpay-color-danger, var(--_chatpay-danger));
    font-size: 0.8125rem;
    margin: 0;
  }
  .brand {
    font-size: 0.8125rem;
    min-block-size: 1.2em;
    margin: 0;
  }
  button {
    font: inherit;
    min-block-size: 2.75rem;
    border: 0;
    border-radius: var(--chatpay-card-form-radius, var(--chatpay-radius, var(--_chatpay-radius)));
    background: var(--chatpay-card-form-pay-background, var(--chatpay-color-accent, var(--_chatpay-accent)));
    color: var(--chatpay-card-form-pay-color, var(--chatpay-color-on-accent, var(--_chatpay-on-accent)));
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
    button:disabled {
      color: GrayText;
    }
  }
`;
