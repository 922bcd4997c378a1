import { css } from 'lit';

export const requestComposerStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--chatpay-request-composer-color, var(--chatpay-color-text, var(--_chatpay-text)));
  }
  [part~='base'],
  [part~='confirmation'] {
    display: grid;
    gap: var(--chatpay-request-composer-gap, 0.75rem);
    margin: 0;
    padding: var(--chatpay-request-composer-padding, 0);
  }
  h2 {
    font-size: 1rem;
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-size: 0.875rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-block-size: 2.75rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--chatpay-request-composer-border-color, var(--chatpay-color-border, var(--_chatpay-border)));
    border-radius: var(--chatpay-radius, var(--_chatpay-radius));
    background: var(--chatpay-request-composer-field-background, var(--chatpay-color-surface, var(--_chatpay-field)));
    color: inherit;
  }
  textarea {
    padding-block: 0.5rem;
    min-block-size: 4.5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--chatpay-color-danger, var(--_chatpay-danger));
  }
  .hint {
    font-size: 0.8125rem;
    margin: 0;
  }
  .error {
    color: var(--chatpay-color-danger, var(--_chatpay-danger));
    font-size: 0.8125rem;
    margin: 0;
  }
  .summary {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .summary {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
  }
  .summary dd {
    margin: 0;
  }
  .summary strong {
    font-size: 1.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  [hidden] {
    display: none !important;
  }
`;
