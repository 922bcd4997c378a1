import type { AgentRegistry } from '@chatpay/core';
import {
  defaultTokens,
  emitterChanges,
  FollowController,
  localeFor,
  messagesFor,
  reducedMotion,
  visuallyHidden,
} from '@chatpay/ui';
import { css, html, LitElement, nothing } from 'lit';
import { connectActivityDot } from './activity-dot.connect.js';
import { ACTIVITY_DOT_MESSAGES_EN, type ActivityDotMessages } from './activity-dot.messages.js';

/**
 * A green dot for a conversation's entry in the agent's list while one of its requests has a card
 * waiting to be viewed; nothing otherwise. Screen readers hear "Card waiting to be viewed".
 *
 * @tag chatpay-activity-dot
 * @csspart dot - The dot.
 * @cssproperty --chatpay-activity-dot-color - The dot's colour.
 * @cssproperty --chatpay-activity-dot-size - The dot's diameter.
 */
export class ChatPayActivityDot extends LitElement {
  static override styles = [
    defaultTokens,
    reducedMotion,
    visuallyHidden,
    css`
      :host {
        display: inline-flex;
        align-items: center;
      }
      [part~='dot'] {
        display: inline-block;
        inline-size: var(--chatpay-activity-dot-size, 0.625rem);
        block-size: var(--chatpay-activity-dot-size, 0.625rem);
        border-radius: 50%;
        background: var(--chatpay-activity-dot-color, var(--chatpay-color-success, var(--_chatpay-success)));
      }
      @media (forced-colors: active) {
        [part~='dot'] {
          background: Highlight;
        }
      }
    `,
  ];
  static override properties = {
    registry: { attribute: false },
    conversationId: { type: String, attribute: 'conversation-id' },
    messages: { attribute: false },
  };

  /** The agent's registry of requests across conversations. */
  declare registry: AgentRegistry | undefined;
  /** The conversation this dot belongs to. */
  declare conversationId: string | undefined;
  /** Overrides of its words (see `ACTIVITY_DOT_MESSAGES_EN`). */
  declare messages: Partial<ActivityDotMessages>;

  constructor() {
    super();
    // Re-renders on every change of what the element shows.
    new FollowController(this, () => this.registry, emitterChanges);
    this.messages = {};
  }

  protected override render() {
    const words = messagesFor('chatpay-activity-dot', localeFor(undefined), ACTIVITY_DOT_MESSAGES_EN, this.messages);
    const view = connectActivityDot(this.registry, this.conversationId, words);
    if (!view.shown) return nothing;
    return html`<span part="dot" aria-hidden="true"></span><span class="visually-hidden">${view.text}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpay-activity-dot': ChatPayActivityDot;
  }
}
