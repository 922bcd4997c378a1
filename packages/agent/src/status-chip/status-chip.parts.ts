import { html, nothing, type TemplateResult } from 'lit';
import type { ChipView } from './status-chip.connect.js';
import type { StatusChipMessages } from './status-chip.messages.js';

/** What the chip's buttons do: each forwards to the chip, which forwards to the request. */
export interface ChipHandlers {
  readonly askCancel: (asking: boolean) => void;
  readonly act: (action: 'cancel' | 'complete') => void;
  readonly requestAgain: () => void;
  readonly toggleReason: () => void;
}

/**
 * The amount and the reason, as a button that keeps the whole reason shown when pressed. The reason
 * is cut to one line with an ellipsis, and shown whole while the button has the keyboard's focus or
 * the pointer, so it can be read without a mouse; a screen reader reads it whole in every case, so
 * the button carries no expanded state for it to announce (`data-open` is for the style).
 */
export function termsPart(terms: NonNullable<ChipView['terms']>, handlers: ChipHandlers): TemplateResult {
  return html`<button
    part="terms"
    class="terms"
    type="button"
    data-open=${terms.open ? 'true' : 'false'}
    @click=${handlers.toggleReason}
  >
    <span part="amount" class="amount">${terms.amount}</span>
    <bdi part="reason" class="reason">${terms.reason}</bdi>
  </button>`;
}

/** The countdown, marked urgent (`data-urgent`, part `urgent`) in its last minute. */
export function timeLeftPart(view: ChipView): TemplateResult | typeof nothing {
  if (view.timeLeft === null) return nothing;
  const part = view.urgent ? 'time-left urgent' : 'time-left';
  const urgent = view.urgent ? 'true' : nothing;
  const look = view.urgent ? 'urgent' : nothing;
  return html`<span part=${part} class=${look} data-urgent=${urgent} role="timer">${view.timeLeft}</span>`;
}

/** The chip's actions: Mark as Completed, Send new request, and Cancel request (or the question it asks). */
export function actionsPart(view: ChipView, words: StatusChipMessages, handlers: ChipHandlers): TemplateResult[] {
  const described = view.note ? 'note' : nothing;
  return view.actions.map((action) => {
    if (action === 'complete') {
      return html`<button
        part="complete"
        type="button"
        aria-describedby=${described}
        @click=${() => handlers.act('complete')}
      >
        ${words.complete}
      </button>`;
    }
    if (action === 'request-again') {
      return html`<button
        part="request-again"
        class="primary"
        type="button"
        aria-describedby=${described}
        @click=${handlers.requestAgain}
      >
        ${words.requestAgain}
      </button>`;
    }
    if (!view.askingCancel) {
      return html`<button
        part="cancel"
        type="button"
        aria-describedby=${described}
        @click=${() => handlers.askCancel(true)}
      >
        ${words.cancel}
      </button>`;
    }
    return html`<span role="group" aria-label=${words.cancelQuestion}>
      <span aria-hidden="true">${words.cancelQuestion}</span>
      <button part="keep" type="button" @click=${() => handlers.askCancel(false)}>${words.keep}</button>
      <button part="confirm-cancel" type="button" @click=${() => handlers.act('cancel')}>${words.confirmCancel}</button>
    </span>`;
  });
}
