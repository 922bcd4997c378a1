import type { MessageCatalogue } from '@chatpay/ui';
import type { CardFormMessages } from '../card-form/card-form.messages.js';
import type { PaymentRequestMessages } from '../payment-request/payment-request.messages.js';

/** The customer's elements in German: `registerMessages('de', CUSTOMER_MESSAGES_DE)`. */
export const CUSTOMER_MESSAGES_DE = {
  'chatpay-payment-request': {
    title: 'Zahlungsanforderung',
    reason: 'Für:',
    decline: 'Ablehnen',
    enterPayment: 'Zahlung eingeben',
    tryAgain: 'Erneut versuchen',
    status: {
      'payment-requested': 'Zahlung angefordert',
      'entering-payment': 'Geben Sie Ihre Kartendaten ein',
      sending: 'Wird gesendet…',
      'try-again': 'Senden fehlgeschlagen. Bitte erneut versuchen.',
      'waiting-for-agent': 'Gesendet. Warten auf den Mitarbeiter.',
      'payment-accepted': 'Zahlung angenommen',
      declined: 'Sie haben diese Zahlung abgelehnt',
      'request-expired': 'Diese Anforderung ist abgelaufen',
      'card-expired': 'Diese Anforderung ist beendet. Der Mitarbeiter kann eine neue senden.',
      cancelled: 'Der Mitarbeiter hat diese Anforderung storniert',
      replaced: 'Der Mitarbeiter hat an ihrer Stelle eine neue Anforderung gesendet',
    },
    unverified: 'NICHT VERIFIZIERT · Entwicklungsmodus',
    unverifiedDescription:
      'Der Server des Unternehmens hat diese Anforderung nicht geprüft: Es ist ein Test in der Entwicklung. Geben Sie keine echte Karte ein.',
  } satisfies PaymentRequestMessages,
  'chatpay-card-form': {
    legend: 'Kartendaten',
    number: 'Kartennummer',
    name: 'Name auf der Karte',
    expiry: 'Ablaufdatum',
    expiryHint: 'MM/JJ',
    securityCode: 'Sicherheitscode',
    postalCode: 'Postleitzahl der Rechnungsadresse',
    pay: (amount) => `${amount} bezahlen`,
    paying: 'Wird sicher gesendet…',
    brand: (brand) => `${brand}-Karte`,
    failed: 'Die Karte konnte nicht sicher gesendet werden. Prüfen Sie die Angaben und versuchen Sie es erneut.',
    resumed:
      'Die Seite wurde neu geladen und Ihre Kartendaten wurden zu Ihrer Sicherheit nicht aufbewahrt. Bitte geben Sie sie erneut ein.',
    errors: {
      required: 'Dieses Feld ist erforderlich.',
      incomplete: 'Das ist noch nicht vollständig.',
      'invalid-characters': 'Hier nur Ziffern verwenden.',
      luhn: 'Diese Kartennummer ist ungültig. Bitte auf Tippfehler prüfen.',
      'unknown-brand': 'Dieser Kartentyp wird nicht erkannt.',
      'brand-not-accepted': 'Dieser Kartentyp wird hier nicht akzeptiert.',
      'wrong-length': 'Diese Kartennummer hat die falsche Anzahl an Ziffern.',
      'invalid-month': 'Geben Sie einen Monat von 01 bis 12 ein.',
      'in-the-past': 'Diese Karte ist abgelaufen.',
      'too-far-ahead': 'Dieses Ablaufdatum liegt zu weit in der Zukunft.',
      'card-number-like': 'Geben Sie den Namen auf der Karte ein, nicht ihre Nummer.',
      'too-long': 'Das ist zu lang.',
    },
  } satisfies CardFormMessages,
} satisfies MessageCatalogue;
