import type { MessageCatalogue } from '@chatpay/ui';
import type { ActivityDotMessages } from '../activity-dot/activity-dot.messages.js';
import { CARD_VIEWER_MESSAGES_EN, type CardViewerMessages } from '../card-viewer/card-viewer.messages.js';
import type { PaymentAskMessages } from '../payment-ask/payment-ask.messages.js';
import type { PaymentBannerMessages } from '../payment-banner/payment-banner.messages.js';
import type { RequestComposerMessages } from '../request-composer/request-composer.messages.js';
import type { StatusChipMessages } from '../status-chip/status-chip.messages.js';

/** The agent's elements in German: `registerMessages('de', AGENT_MESSAGES_DE)`. */
export const AGENT_MESSAGES_DE = {
  'chatpay-request-composer': {
    title: 'Kartenzahlung anfordern',
    amount: 'Zu belastender Betrag',
    amountHint: (currency, decimals) =>
      decimals === 0 ? `In ${currency}, nur ganze Einheiten.` : `In ${currency}, bis zu ${decimals} Nachkommastellen.`,
    currency: 'Währung',
    reason: 'Grund der Belastung',
    reasonCount: (used, limit) => `${used.toLocaleString('de')} von ${limit.toLocaleString('de')} Zeichen`,
    request: 'Anfordern',
    confirmTitle: 'Anforderung bestätigen',
    back: 'Zurück',
    send: 'Senden',
    discard: 'Verwerfen',
    sent: 'Anforderung gesendet.',
    amountErrors: {
      empty: 'Geben Sie den zu belastenden Betrag ein.',
      'invalid-format': 'Geben Sie den Betrag in Ziffern ein.',
      'ambiguous-separator': 'Ein Trennzeichen steht dort, wo es keine Tausender trennen kann. Prüfen Sie den Betrag.',
      sign: 'Ein Betrag hat kein „+“-Zeichen: Geben Sie nur die Ziffern ein.',
      exponent: 'Schreiben Sie den Betrag aus: Ein Exponent wie „e12“ wird hier nicht gelesen.',
      letters: 'Hier können nur Ziffern und das Dezimaltrennzeichen eingegeben werden.',
      'not-an-integer': 'Geben Sie den Betrag in Ziffern ein.',
      zero: 'Der Betrag muss größer als null sein.',
      negative: 'Der Betrag darf nicht negativ sein.',
      'too-many-decimals': 'Der Betrag hat zu viele Nachkommastellen für diese Währung.',
      'unknown-currency': 'Diese Währung wird hier nicht unterstützt.',
      'over-maximum': 'Der Betrag liegt über dem Höchstbetrag.',
      overMaximum: (maximum) => `Der Betrag liegt über dem Höchstbetrag von ${maximum}.`,
      tooManyDecimals: (currency, decimals) =>
        decimals === 0
          ? `Beträge in ${currency} haben keine Nachkommastellen.`
          : `Beträge in ${currency} haben höchstens ${decimals} Nachkommastellen.`,
    },
    reasonRequired: 'Geben Sie den Grund der Belastung ein.',
    reasonInvalid: (limit) => `Geben Sie einen Grund mit höchstens ${limit} Zeichen ohne Steuerzeichen ein.`,
    reasonUnsafe: 'Der Grund enthält Steuerzeichen, richtungsändernde oder unsichtbare Zeichen. Entfernen Sie sie.',
    ambiguousSeparator: (language, group, decimal) =>
      `Auf ${new Intl.DisplayNames('de', { type: 'language' }).of(language)} trennt ${group.trim() === '' ? 'ein Leerzeichen' : `„${group}“`} die Tausender; verwenden Sie „${decimal}“ für Nachkommastellen.`,
    notANumber: (decimal) => `Hier können nur Ziffern und „${decimal}“ für Nachkommastellen eingegeben werden.`,
    decimalsDropped: (currency) =>
      `${currency} hat weniger Nachkommastellen: Der Betrag hat sich geändert. Bitte prüfen.`,
    currencyUnknown: (currency) =>
      `Die Währung „${currency}“ ist kein bekannter ISO-4217-Code. Legen Sie eine gültige Währung fest.`,
    notSent: 'Die Anforderung konnte nicht gesendet werden. Bitte erneut versuchen.',
  } satisfies RequestComposerMessages,
  'chatpay-status-chip': {
    status: {
      draft: 'ENTWURF',
      confirming: 'ANFORDERUNG BESTÄTIGEN',
      sending: 'WIRD GESENDET',
      'try-again': 'ERNEUT VERSUCHEN',
      'waiting-for-customer': 'WARTET AUF KUNDEN',
      'view-card': 'KARTE ANSEHEN',
      completed: 'ABGESCHLOSSEN',
      'customer-declined': 'KUNDE HAT ZAHLUNG ABGELEHNT',
      'request-expired': 'ANFORDERUNG ABGELAUFEN',
      'card-expired': 'ANSICHTSZEIT ABGELAUFEN',
      'card-rejected': 'KARTE NICHT LESBAR',
      cancelled: 'STORNIERT',
    },
    timeLeft: (time) => `noch ${time}`,
    lastMinuteToPay: 'Dem Kunden bleibt weniger als eine Minute zum Bezahlen.',
    lastMinuteToView: 'Weniger als eine Minute, um die Karte anzusehen.',
    named: (status, amount, reason) => `${status}: ${amount}, ${reason}`,
    cancel: 'Anforderung stornieren',
    cancelQuestion: 'Diese Anforderung stornieren?',
    keep: 'Behalten',
    confirmCancel: 'Ja, stornieren',
    observedCard: 'KARTE AN ANDEREN MITARBEITER GESENDET',
    observed: 'Von einem anderen Mitarbeiter gesendet: Nur dieser kann sie bearbeiten oder die Karte sehen.',
    close: 'Schließen',
    viewerTitle: 'Kartendaten',
    unverified: 'NICHT VERIFIZIERT · Entwicklungsmodus',
    unverifiedDescription:
      'Niemand hat für die Schlüssel dieser Anforderung gebürgt: Die Schlüsselprüfung ist aus, was nur für die Entwicklung gedacht ist. Nehmen Sie so nie eine echte Karte an.',
    cardNotOpened: 'KARTE EINGEGANGEN',
    cardViewed: 'KARTE ANGESEHEN',
    keysGone:
      'Kann hier nicht geöffnet werden: Diese Anforderung wurde von einem anderen Gerät gesendet, oder der Speicher dieses Browsers wurde gelöscht. Senden Sie eine neue Anforderung über denselben Betrag.',
    requestAgain: 'Neue Anforderung senden',
    requestAgainFailed: 'Die neue Anforderung konnte nicht gesendet werden. Bitte erneut versuchen.',
    otherTab: 'In Ihrem anderen Tab öffnen: Ein anderer Tab von Ihnen hält diese Anforderung.',
    alreadyViewed:
      'Karte auf diesem Gerät bereits angesehen: Sie öffnet sich nur einmal. Sie können die Anforderung noch als abgeschlossen markieren oder stornieren.',
    complete: 'Als abgeschlossen markieren',
    conflict:
      'Zwei verschiedene Kunden haben auf diese Anforderung geantwortet, daher wird ihre Karte nicht geöffnet. Stornieren Sie sie und senden Sie eine neue Anforderung.',
    viewerLoading: 'Die Kartenansicht wird geladen…',
    viewerFailed: 'Die Kartenansicht wurde nicht geladen. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    retryViewer: 'Erneut versuchen',
  } satisfies StatusChipMessages,
  'chatpay-card-viewer': {
    title: 'Kartendaten',
    chargeAmount: 'Zu belastender Betrag',
    chargeReason: 'Grund der Belastung',
    number: 'Kartennummer',
    name: 'Name auf der Karte',
    expiry: 'Ablaufdatum',
    securityCode: 'Sicherheitscode',
    brand: 'Kartentyp',
    postalCode: 'Postleitzahl',
    copy: (field) => `${field} kopieren`,
    copyButton: 'Kopieren',
    copied: 'Kopiert',
    copiedField: (field) => `${field} kopiert.`,
    copyFailed: 'Kopieren nicht möglich: Markieren Sie den Text und kopieren Sie ihn von Hand.',
    clipboardClearedAfter: (duration) => `Wird in ${duration} aus der Zwischenablage gelöscht.`,
    clipboardClearedAtEnd: 'Wird beim Schließen der Karte aus der Zwischenablage gelöscht.',
    clipboardNotCleared:
      'Der Browser hat das automatische Löschen der Kartenangabe aus der Zwischenablage nicht erlaubt.',
    clearClipboard: 'Zwischenablage leeren',
    visibleFor: (time) => `Sichtbar für ${time}`,
    lastMinute: 'Weniger als eine Minute, um die Karte anzusehen.',
    complete: 'Als abgeschlossen markieren',
    cancel: 'Anforderung stornieren',
    opening: 'Karte wird geöffnet…',
    hidden: 'Ausgeblendet, solange dieses Fenster im Hintergrund ist. Kehren Sie zurück, um die Karte zu sehen.',
    notYet: 'Für diese Anforderung ist noch keine Karte eingegangen.',
    completed: 'Abgeschlossen. Der Kunde sieht „Zahlung angenommen“. Die Kartendaten sind gelöscht.',
    expired:
      'Die Ansichtszeit ist abgelaufen und die Kartendaten sind gelöscht. Senden Sie eine neue Anforderung, um die Karte erneut zu erhalten.',
    cancelled: 'Die Anforderung wurde storniert. Die Kartendaten sind gelöscht.',
    ended: 'Diese Anforderung ist beendet.',
    notYours: 'Ein anderer Mitarbeiter hat diese Anforderung gesendet: Nur dieser kann die Karte sehen.',
    unreadable: 'Die Karte konnte hier nicht geöffnet werden und wurde abgelehnt. Senden Sie eine neue Anforderung.',
    openFailed:
      'Die Karte konnte nicht geöffnet werden. Ist die Anforderung noch offen, schließen Sie dies und wählen Sie erneut „Karte ansehen“.',
    brandName: CARD_VIEWER_MESSAGES_EN.brandName,
  } satisfies CardViewerMessages,
  'chatpay-payment-banner': {
    label: 'Kartenzahlungen',
    cardArrived: (customer, amount) =>
      amount === null ? `${customer} hat die Karte gesendet.` : `${customer} hat die Karte für ${amount} gesendet.`,
    view: 'Ansehen',
    dismiss: 'Ausblenden',
  } satisfies PaymentBannerMessages,
  'chatpay-activity-dot': { cardWaiting: 'Karte wartet auf Ansicht' } satisfies ActivityDotMessages,
  'chatpay-payment-ask': {
    label: 'Kartenzahlung',
    asked: 'Der Kunde möchte mit Karte zahlen.',
    hint: 'Senden Sie eine Kartenanforderung, damit er im sicheren Formular zahlen kann.',
    start: 'Kartenanforderung starten',
    dismiss: 'Ausblenden',
  } satisfies PaymentAskMessages,
} satisfies MessageCatalogue;
