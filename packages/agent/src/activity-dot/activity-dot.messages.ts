/** Every word the activity dot says. Integrators override any of them through the `messages` property. */
export interface ActivityDotMessages {
  /** Read by screen readers with the conversation's entry while a card waits to be viewed. */
  readonly cardWaiting: string;
}

/** The activity dot's words in English, the default. */
export const ACTIVITY_DOT_MESSAGES_EN: ActivityDotMessages = {
  cardWaiting: 'Card waiting to be viewed',
};
