import type { MessageCatalogue } from '@chatpay/ui';
import type { CardFormMessages } from '../card-form/card-form.messages.js';
import type { PaySecurelyOfferMessages } from '../pay-securely-offer/pay-securely-offer.messages.js';
import type { PaymentRequestMessages } from '../payment-request/payment-request.messages.js';

/** The customer's elements in German: `registerMessages('de', CUSTOMER_MESSAGES_DE)`. */
export const CUSTOMER_MESSAGES_DE = {
  'chatpay-payment-request': {
    title: 'Zahlungsanforderung',
    reason: 'Für:',
    decline: 'Ablehnen',
    enterPayment: 'Zahlung eingeben',
    tryAgain: 'Erneut versuchen',
    declineQuestion: 'Diese Zahlung ablehnen?',
    keep: 'Behalten',
    confirmDecline: 'Ja, ablehnen',
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
    notCharged: 'Ihnen wurde nichts berechnet.',
    acceptedWith: (brand, lastFour) => `Zahlung angenommen — ${brand} •••• ${lastFour}`,
    formLoading: 'Das sichere Formular wird geladen…',
    formFailed: 'Das sichere Formular wurde nicht geladen. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    retryForm: 'Erneut versuchen',
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
    notLoaded:
      'Die sichere Zahlung wurde nicht geladen, und es wurde nichts gesendet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    resumed:
      'Die Seite wurde neu geladen und Ihre Kartendaten wurden zu Ihrer Sicherheit nicht aufbewahrt. Bitte geben Sie sie erneut ein.',
    errors: {
      number: {
        required: 'Geben Sie die Kartennummer ein.',
        'invalid-characters': 'Verwenden Sie in der Kartennummer nur Ziffern.',
        'unknown-brand': 'Dieser Kartentyp wird nicht erkannt.',
        'brand-not-accepted': 'Dieser Kartentyp wird hier nicht akzeptiert.',
        incomplete: 'Diese Kartennummer ist noch nicht vollständig.',
        'wrong-length': 'Diese Kartennummer hat die falsche Anzahl an Ziffern.',
        luhn: 'Diese Kartennummer ist ungültig. Bitte auf Tippfehler prüfen.',
      },
      name: {
        required: 'Geben Sie den Namen auf der Karte ein.',
        'too-long': 'Dieser Name ist zu lang.',
        'card-number-like': 'Geben Sie den Namen auf der Karte ein, nicht ihre Nummer.',
        'invalid-characters':
          'Verwenden Sie im Namen nur Buchstaben, Leerzeichen, Apostrophe, Bindestriche und Punkte.',
        incomplete: 'Der Name braucht mindestens einen Buchstaben.',
      },
      expiry: {
        required: 'Geben Sie das Ablaufdatum ein.',
        'invalid-characters': 'Verwenden Sie im Ablaufdatum nur Ziffern, als MM/JJ.',
        incomplete: 'Geben Sie das Ablaufdatum vollständig ein, als MM/JJ.',
        'invalid-month': 'Geben Sie einen Monat von 01 bis 12 ein.',
        'wrong-length': 'Geben Sie das Ablaufdatum als MM/JJ ein.',
        'in-the-past': 'Diese Karte ist abgelaufen.',
        'too-far-ahead': 'Dieses Ablaufdatum liegt zu weit in der Zukunft.',
      },
      securityCode: {
        required: 'Geben Sie den Sicherheitscode ein.',
        'invalid-characters': 'Verwenden Sie im Sicherheitscode nur Ziffern.',
        incomplete: 'Dieser Sicherheitscode ist zu kurz.',
        'wrong-length': 'Dieser Sicherheitscode hat die falsche Anzahl an Ziffern.',
      },
      postalCode: {
        required: 'Geben Sie die Postleitzahl der Rechnungsadresse ein.',
        'invalid-characters':
          'Verwenden Sie in der Postleitzahl nur Buchstaben, Ziffern, Leerzeichen und Bindestriche.',
        'too-long': 'Diese Postleitzahl ist zu lang.',
        incomplete: 'Diese Postleitzahl ist noch nicht vollständig.',
      },
    },
  } satisfies CardFormMessages,
  'chatpay-pay-securely-offer': {
    title: 'Lieber sicher bezahlen?',
    explanation:
      'Wir haben die eingegebene Kartennummer verborgen. Das sichere Formular sendet Ihre Karte verschlüsselt an den Mitarbeiter, nie über den Chat.',
    openForm: 'Sicheres Formular verwenden',
    askForForm: 'Sicheres Formular anfordern',
    dismiss: 'Nein, danke',
    asking: 'Mitarbeiter wird informiert…',
    asked:
      'Der Mitarbeiter weiß, dass Sie mit Karte zahlen möchten. Eine sichere Zahlungsanforderung erscheint im Chat.',
    askFailed: 'Der Mitarbeiter war nicht erreichbar. Bitte erneut versuchen.',
    tryAgain: 'Erneut versuchen',
    close: 'Schließen',
  } satisfies PaySecurelyOfferMessages,
} satisfies MessageCatalogue;
