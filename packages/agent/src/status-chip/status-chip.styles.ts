import { css } from 'lit';

export const statusChipStyles = css`
  :host {
    display: inline-block;
    font: inherit;
    color: var(--chatpay-status-chip-color, var(--chatpay-color-text, var(--_chatpay-text)));
  }
  [part~='base'] {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  [part~='label'] {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    padding-inline: 0.75rem;
    border-radius: var(--chatpay-status-chip-radius, 999px);
    border: 1px solid var(--chatpay-status-chip-border-color, var(--chatpay-color-border, var(--_chatpay-border)));
    font-size: 0.8125rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    box-sizing: border-box;
  }
  button[part~='label'] {
    border-color: transparent;
    background: var(--chatpay-status-chip-action-background, var(--chatpay-color-accent, var(--_chatpay-accent)));
    color: var(--chatpay-status-chip-action-color, var(--chatpay-color-on-accent, var(--_chatpay-on-accent)));
  }
  .problem[part~='label'] {
    border-color: var(--chatpay-color-danger, var(--_chatpay-danger));
  }
  [role='timer'],
  .note {
    font-size: 0.8125rem;
  }
  /* The amount and the reason: the reason on one line, cut with an ellipsis, whole on focus, hover or press. */
  .terms {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    max-inline-size: min(20rem, 100%);
    padding-inline: 0.75rem;
    font-size: 0.8125rem;
    text-align: start;
  }
  .amount {
    font-weight: 600;
    white-space: nowrap;
  }
  .reason {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .terms:hover .reason,
  .terms:focus-visible .reason,
  .terms[data-open='true'] .reason {
    overflow: visible;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  /* The badge and the notes say what they mean in words; the colour only adds to them. */
  [part~='unverified'] {
    display: inline-flex;
    align-items: center;
    padding: 0.125rem 0.5rem;
    border: 2px solid var(--chatpay-status-chip-warning-color, var(--chatpay-color-danger, var(--_chatpay-danger)));
    border-radius: var(--chatpay-radius, var(--_chatpay-radius));
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.02em;
  }
  [part~='unverified'] + .note,
  [part~='note'] {
    flex-basis: 100%;
  }
  .warning {
    padding-inline-start: 0.5rem;
    border-inline-start: 4px solid
      var(--chatpay-status-chip-warning-color, var(--chatpay-color-danger, var(--_chatpay-danger)));
    font-weight: 600;
  }
  dialog {
    padding: 1rem;
    border: 1px solid var(--chatpay-color-border, var(--_chatpay-border));
    border-radius: var(--chatpay-radius, var(--_chatpay-radius));
    background: var(--chatpay-color-surface, var(--_chatpay-surface));
    color: var(--chatpay-color-text, var(--_chatpay-text));
    max-inline-size: min(32rem, 100vw - 2rem);
  }
  dialog header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 1rem;
  }
  dialog h2 {
    font-size: 1rem;
    margin: 0;
  }
  @media (forced-colors: active) {
    button[part~='label'] {
      border: 1px solid ButtonText;
    }
    [part~='unverified'],
    .warning,
    .urgent {
      border-color: CanvasText;
    }
    .urgent {
      color: CanvasText;
    }
  }
`;
