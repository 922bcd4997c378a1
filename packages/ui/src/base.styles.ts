import { css } from 'lit';

/**
 * Buttons as every ChatPay element draws them: at least 44 px tall (WCAG 2.5.5), a visible focus
 * ring, `.primary` on the accent colour, and outlines that survive forced colours.
 */
export const buttonStyles = css`
  button {
    font: inherit;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding-inline: 1rem;
    border-radius: var(--chatpay-radius, var(--_chatpay-radius));
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
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--chatpay-color-focus, var(--_chatpay-focus));
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    button.primary {
      border: 1px solid ButtonText;
    }
    button:disabled {
      color: GrayText;
    }
  }
`;

/** Text for assistive technology only. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * Motion as the person asked: with `prefers-reduced-motion: reduce`, no transition or animation runs
 * in an element, including those a theme adds through `::part` (inside the shadow root, this
 * `!important` wins over the page's).
 */
export const reducedMotion = css`
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after,
    :host {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/** A countdown in its last minute (class `urgent`): drawn bold with the danger colour's mark; the words say it too. */
export const urgentStyles = css`
  .urgent {
    padding-inline-start: 0.5rem;
    border-inline-start: 4px solid var(--chatpay-color-danger, var(--_chatpay-danger));
    color: var(--chatpay-color-danger, var(--_chatpay-danger));
    font-weight: 700;
  }
`;
