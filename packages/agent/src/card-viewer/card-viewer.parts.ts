import { html, nothing, type TemplateResult } from 'lit';
import type { CardRow, ViewerView } from './card-viewer.connect.js';
import type { CardViewerMessages } from './card-viewer.messages.js';

/** What to charge, next to the card: the amount, and the reason as text in its own direction. */
export function chargePart(charge: NonNullable<ViewerView['charge']>): TemplateResult {
  return html`<dl part="charge" class="charge">
    <div class="charge-row">
      <dt>${charge.amountLabel}</dt>
      <dd><span part="amount" class="amount">${charge.amount}</span></dd>
    </div>
    <div class="charge-row">
      <dt>${charge.reasonLabel}</dt>
      <dd><bdi part="reason" class="reason">${charge.reason}</bdi></dd>
    </div>
  </dl>`;
}

/** The countdown, marked urgent (`data-urgent`, part `urgent`) in its last minute. */
export function timeLeftPart(view: ViewerView): TemplateResult | typeof nothing {
  if (!view.timeLeft) return nothing;
  const part = view.urgent ? 'time-left urgent' : 'time-left';
  const urgent = view.urgent ? 'true' : nothing;
  const look = view.urgent ? 'urgent' : nothing;
  return html`<p part=${part} class=${look} data-urgent=${urgent} role="timer">${view.timeLeft}</p>`;
}

/** The card's details, each with its Copy button, "Copied" and the clipboard note. */
export function detailsPart(
  rows: readonly CardRow[],
  words: CardViewerMessages,
  copy: (row: CardRow) => void,
): TemplateResult {
  return html`<dl part="details">
    ${rows.map(
      (row) =>
        html`<div class="row">
          <dt>${row.label}</dt>
          <dd>
            ${
              // A card number, an expiry or a code reads left to right in every language; a name,
              // a brand or a postal code keeps its own direction.
              row.digits
                ? html`<bdi class="value digits" dir="ltr">${row.shown}</bdi>`
                : html`<bdi class="value">${row.shown}</bdi>`
            }
            <button part="copy" type="button" aria-label=${words.copy(row.label)} @click=${() => copy(row)}>
              ${words.copyButton}
            </button>
            <span class="feedback" aria-hidden="true">${row.feedback}</span>
            ${row.clipboardNote ? html`<span part="clipboard-note" class="note">${row.clipboardNote}</span>` : nothing}
          </dd>
        </div>`,
    )}
  </dl>`;
}
