/** Every word "Pay securely instead?" shows. Integrators override any of them through the `messages` property. */
export interface PaySecurelyOfferMessages {
  /** The offer's question, also announced when it appears. */
  readonly title: string;
  /** Why the secure form is safer, under the question. */
  readonly explanation: string;
  /** Accept, when a payment request waits: opens its card form. */
  readonly openForm: string;
  /** Accept, when none waits: asks the agent for one. */
  readonly askForForm: string;
  /** Declines the offer. */
  readonly dismiss: string;
  /** While the agent is being asked. */
  readonly asking: string;
  /** The agent was told; a request will come. */
  readonly asked: string;
  /** The ask could not be sent. */
  readonly askFailed: string;
  /** The button that sends the ask again. */
  readonly tryAgain: string;
  /** The button that closes the offer after the ask. */
  readonly close: string;
}

/** The offer's words in English, the default. */
export const PAY_SECURELY_OFFER_MESSAGES_EN: PaySecurelyOfferMessages = {
  title: 'Pay securely instead?',
  explanation:
    'We hid the card number you typed. The secure form sends your card to the agent encrypted, never through the chat.',
  openForm: 'Use the secure form',
  askForForm: 'Ask for the secure form',
  dismiss: 'No, thanks',
  asking: 'Asking the agent…',
  asked: 'The agent knows you would like to pay by card. A secure payment request will appear in the chat.',
  askFailed: 'The agent could not be reached. Please try again.',
  tryAgain: 'Try again',
  close: 'Close',
};
