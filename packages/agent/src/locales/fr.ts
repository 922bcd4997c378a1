import type { MessageCatalogue } from '@chatpay/ui';
import type { ActivityDotMessages } from '../activity-dot/activity-dot.messages.js';
import { CARD_VIEWER_MESSAGES_EN, type CardViewerMessages } from '../card-viewer/card-viewer.messages.js';
import type { PaymentAskMessages } from '../payment-ask/payment-ask.messages.js';
import type { PaymentBannerMessages } from '../payment-banner/payment-banner.messages.js';
import type { RequestComposerMessages } from '../request-composer/request-composer.messages.js';
import type { StatusChipMessages } from '../status-chip/status-chip.messages.js';

/** The agent's elements in French: `registerMessages('fr', AGENT_MESSAGES_FR)`. */
export const AGENT_MESSAGES_FR = {
  'chatpay-request-composer': {
    title: 'Demander un paiement par carte',
    amount: 'Montant à débiter',
    amountHint: (currency, decimals) =>
      decimals === 0 ? `En ${currency}, unités entières seulement.` : `En ${currency}, ${decimals} décimales au plus.`,
    currency: 'Devise',
    reason: 'Motif du débit',
    reasonCount: (used, limit) => `${used.toLocaleString('fr')} caractères sur ${limit.toLocaleString('fr')}`,
    request: 'Demander',
    confirmTitle: 'Confirmer la demande',
    back: 'Retour',
    send: 'Envoyer',
    discard: 'Abandonner',
    sent: 'Demande envoyée.',
    amountErrors: {
      empty: 'Saisissez le montant à débiter.',
      'invalid-format': 'Saisissez le montant en chiffres.',
      'ambiguous-separator': 'Un séparateur est placé là où il ne peut pas séparer les milliers. Vérifiez le montant.',
      sign: 'Un montant ne prend pas de signe « + » : saisissez seulement les chiffres.',
      exponent: 'Écrivez le montant en entier : un exposant comme « e12 » n’est pas lu ici.',
      letters: 'Seuls les chiffres et le séparateur décimal peuvent être saisis ici.',
      'not-an-integer': 'Saisissez le montant en chiffres.',
      zero: 'Le montant doit être supérieur à zéro.',
      negative: 'Le montant ne peut pas être négatif.',
      'too-many-decimals': 'Le montant a trop de décimales pour cette devise.',
      'unknown-currency': "Cette devise n'est pas prise en charge ici.",
      'over-maximum': 'Le montant dépasse le maximum.',
      overMaximum: (maximum) => `Le montant dépasse le maximum de ${maximum}.`,
      tooManyDecimals: (currency, decimals) =>
        decimals === 0
          ? `Les montants en ${currency} n'ont pas de décimales.`
          : `Les montants en ${currency} ont au plus ${decimals} décimales.`,
    },
    reasonRequired: 'Saisissez le motif du débit.',
    reasonInvalid: (limit) => `Saisissez un motif de ${limit} caractères au plus, sans caractères de contrôle.`,
    reasonUnsafe:
      'Le motif contient des caractères de contrôle, de changement de direction ou invisibles. Supprimez-les.',
    ambiguousSeparator: (language, group, decimal) =>
      `En ${new Intl.DisplayNames('fr', { type: 'language' }).of(language)}, ${group.trim() === '' ? 'une espace' : `« ${group} »`} sépare les milliers ; utilisez « ${decimal} » pour les décimales.`,
    notANumber: (decimal) => `Seuls les chiffres, et « ${decimal} » pour les décimales, peuvent être saisis ici.`,
    decimalsDropped: (currency) => `${currency} a moins de décimales : le montant a changé. Vérifiez-le.`,
    currencyUnknown: (currency) =>
      `La devise « ${currency} » n'est pas un code ISO 4217 connu. Indiquez une devise valide.`,
    notSent: "La demande n'a pas pu être envoyée. Réessayez.",
  } satisfies RequestComposerMessages,
  'chatpay-status-chip': {
    status: {
      draft: 'BROUILLON',
      confirming: 'CONFIRMER LA DEMANDE',
      sending: 'ENVOI',
      'try-again': 'RÉESSAYER',
      'waiting-for-customer': 'EN ATTENTE DU CLIENT',
      'view-card': 'VOIR LA CARTE',
      completed: 'TERMINÉ',
      'customer-declined': 'LE CLIENT A REFUSÉ LE PAIEMENT',
      'request-expired': 'DEMANDE EXPIRÉE',
      'card-expired': 'TEMPS DE CONSULTATION ÉCOULÉ',
      'card-rejected': 'CARTE ILLISIBLE',
      cancelled: 'ANNULÉE',
    },
    timeLeft: (time) => `encore ${time}`,
    lastMinuteToPay: 'Il reste moins d’une minute au client pour payer.',
    lastMinuteToView: 'Il reste moins d’une minute pour voir la carte.',
    named: (status, amount, reason) => `${status}\u00a0: ${amount}, ${reason}`,
    cancel: 'Annuler la demande',
    cancelQuestion: 'Annuler cette demande ?',
    keep: 'La garder',
    confirmCancel: 'Oui, annuler',
    observedCard: 'CARTE ENVOYÉE À UN AUTRE AGENT',
    observed: 'Envoyée par un autre agent : seul cet agent peut la traiter ou voir la carte.',
    close: 'Fermer',
    viewerTitle: 'Informations de la carte',
    unverified: 'NON VÉRIFIÉE · mode développement',
    unverifiedDescription:
      "Personne ne s'est porté garant des clés de cette demande : la vérification des clés est désactivée, ce qui est réservé au développement. N'acceptez jamais une vraie carte ainsi.",
    cardNotOpened: 'CARTE REÇUE',
    cardViewed: 'CARTE CONSULTÉE',
    keysGone:
      "Impossible de l'ouvrir ici : cette demande a été envoyée depuis un autre appareil, ou les données de ce navigateur ont été effacées. Envoyez une nouvelle demande du même montant.",
    requestAgain: 'Envoyer une nouvelle demande',
    requestAgainFailed: "La nouvelle demande n'a pas pu être envoyée. Réessayez.",
    otherTab: 'Ouvrez-la dans votre autre onglet : un autre de vos onglets détient cette demande.',
    alreadyViewed:
      'Carte déjà consultée sur cet appareil : elle ne s’ouvre qu’une fois. Vous pouvez encore marquer la demande comme terminée, ou l’annuler.',
    complete: 'Marquer comme terminé',
    conflict:
      "Deux clients différents ont répondu à cette demande : sa carte n'est donc pas ouverte. Annulez-la et envoyez une nouvelle demande.",
    viewerLoading: 'Chargement de l’affichage de la carte…',
    viewerFailed: 'L’affichage de la carte ne s’est pas chargé. Vérifiez votre connexion et réessayez.',
    retryViewer: 'Réessayer',
  } satisfies StatusChipMessages,
  'chatpay-card-viewer': {
    title: 'Informations de la carte',
    chargeAmount: 'Montant à débiter',
    chargeReason: 'Motif du débit',
    number: 'Numéro de carte',
    name: 'Nom sur la carte',
    expiry: 'Expiration',
    securityCode: 'Code de sécurité',
    brand: 'Type de carte',
    postalCode: 'Code postal',
    copy: (field) => `Copier : ${field.toLowerCase()}`,
    copyButton: 'Copier',
    copied: 'Copié',
    copiedField: (field) => `${field} : copié.`,
    copyFailed: 'Copie impossible : sélectionnez le texte et copiez-le à la main.',
    clipboardClearedAfter: (duration) => `Effacé du presse-papiers dans ${duration}.`,
    clipboardClearedAtEnd: 'Effacé du presse-papiers à la fermeture de la carte.',
    clipboardNotCleared:
      'Le navigateur n’a pas permis d’effacer automatiquement la donnée de la carte du presse-papiers.',
    clearClipboard: 'Vider le presse-papiers',
    visibleFor: (time) => `Visible encore ${time}`,
    lastMinute: 'Moins d’une minute pour voir la carte.',
    complete: 'Marquer comme terminé',
    cancel: 'Annuler la demande',
    opening: 'Ouverture de la carte…',
    hidden: 'Masquée tant que cette fenêtre est en arrière-plan. Revenez-y pour voir la carte.',
    notYet: "Aucune carte n'est encore arrivée pour cette demande.",
    completed: 'Terminé. Le client voit « Paiement accepté ». Les informations de la carte sont effacées.',
    expired:
      'Le délai de consultation est écoulé et les informations sont effacées. Envoyez une nouvelle demande pour obtenir la carte.',
    cancelled: 'La demande a été annulée. Les informations de la carte sont effacées.',
    ended: 'Cette demande est terminée.',
    notYours: 'Un autre agent a envoyé cette demande : seul cet agent peut voir la carte.',
    unreadable: "La carte n'a pas pu être ouverte ici : elle a été refusée. Envoyez une nouvelle demande.",
    openFailed:
      "La carte n'a pas pu être ouverte. Si la demande est toujours ouverte, fermez ceci et choisissez à nouveau « Voir la carte ».",
    brandName: CARD_VIEWER_MESSAGES_EN.brandName,
  } satisfies CardViewerMessages,
  'chatpay-payment-banner': {
    label: 'Paiements par carte',
    cardArrived: (customer, amount) =>
      amount === null ? `${customer} a envoyé sa carte.` : `${customer} a envoyé sa carte pour payer ${amount}.`,
    view: 'Voir',
    dismiss: 'Ignorer',
  } satisfies PaymentBannerMessages,
  'chatpay-activity-dot': { cardWaiting: 'Carte en attente de consultation' } satisfies ActivityDotMessages,
  'chatpay-payment-ask': {
    label: 'Paiement par carte',
    asked: 'Le client souhaite payer par carte.',
    hint: 'Envoyez une demande de carte pour qu’il paie dans le formulaire sécurisé.',
    start: 'Lancer une demande de carte',
    dismiss: 'Ignorer',
  } satisfies PaymentAskMessages,
} satisfies MessageCatalogue;
