import { css } from 'lit';

/**
 * The default design tokens, light and dark, in one place. Every element reads
 * `var(--chatpay-color-x, var(--_chatpay-x))`: an integrator's `--chatpay-color-x` wins, these are the fallback.
 */
export const defaultTokens = css`
  :host {
    color-scheme: light dark;
    --_chatpay-accent: #0b57d0;
    --_chatpay-on-accent: #ffffff;
    --_chatpay-danger: #b3261e;
    --_chatpay-success: #146c2e;
    --_chatpay-border: #767676;
    --_chatpay-surface: Canvas;
    --_chatpay-field: Field;
    --_chatpay-text: CanvasText;
    --_chatpay-focus: Highlight;
    --_chatpay-radius: 0.375rem;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_chatpay-accent: #a8c7fa;
      --_chatpay-on-accent: #062e6f;
      --_chatpay-danger: #f2b8b5;
      --_chatpay-success: #6dd58c;
      --_chatpay-border: #8e918f;
    }
  }
`;
