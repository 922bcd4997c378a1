import type { MessageCatalogue } from '@chatpay/ui';
import type { CardFormMessages } from '../card-form/card-form.messages.js';
import type { PaySecurelyOfferMessages } from '../pay-securely-offer/pay-securely-offer.messages.js';
import type { PaymentRequestMessages } from '../payment-request/payment-request.messages.js';

/** The customer's elements in French: `registerMessages('fr', CUSTOMER_MESSAGES_FR)`. */
export const CUSTOMER_MESSAGES_FR = {
  'chatpay-payment-request': {
    title: 'Demande de paiement',
    reason: 'Motif :',
    decline: 'Refuser',
    enterPayment: 'Saisir le paiement',
    tryAgain: 'Réessayer',
    declineQuestion: 'Refuser ce paiement ?',
    keep: 'Conserver',
    confirmDecline: 'Oui, refuser',
    status: {
      'payment-requested': 'Paiement demandé',
      'entering-payment': 'Saisissez les informations de votre carte',
      sending: 'Envoi…',
      'try-again': "L'envoi a échoué. Réessayez.",
      'waiting-for-agent': "Envoyé. En attente de l'agent.",
      'payment-accepted': 'Paiement accepté',
      declined: 'Vous avez refusé ce paiement',
      'request-expired': 'Cette demande a expiré',
      'card-expired': "Cette demande est terminée. L'agent peut vous en envoyer une nouvelle.",
      cancelled: "L'agent a annulé cette demande",
      replaced: "L'agent a envoyé une nouvelle demande à la place de celle-ci",
    },
    notCharged: 'Aucun montant ne vous a été débité.',
    acceptedWith: (brand, lastFour) => `Paiement accepté — ${brand} •••• ${lastFour}`,
    formLoading: 'Chargement du formulaire sécurisé…',
    formFailed: "Le formulaire sécurisé ne s'est pas chargé. Vérifiez votre connexion et réessayez.",
    retryForm: 'Réessayer',
    unverified: 'NON VÉRIFIÉE · mode développement',
    unverifiedDescription:
      "Cette demande n'a pas été vérifiée par le serveur de l'entreprise : c'est un essai en développement. Ne saisissez pas une vraie carte.",
  } satisfies PaymentRequestMessages,
  'chatpay-card-form': {
    legend: 'Informations de la carte',
    number: 'Numéro de carte',
    name: 'Nom sur la carte',
    expiry: "Date d'expiration",
    expiryHint: 'MM/AA',
    securityCode: 'Code de sécurité',
    postalCode: 'Code postal de facturation',
    pay: (amount) => `Payer ${amount}`,
    paying: 'Envoi sécurisé…',
    brand: (brand) => `Carte ${brand}`,
    failed: "La carte n'a pas pu être envoyée de façon sécurisée. Vérifiez les informations et réessayez.",
    notLoaded:
      "Le paiement sécurisé ne s'est pas chargé et rien n'a été envoyé. Vérifiez votre connexion et réessayez.",
    resumed:
      "La page a été rechargée et les informations de votre carte n'ont pas été conservées, pour votre sécurité. Saisissez-les à nouveau.",
    errors: {
      number: {
        required: 'Saisissez le numéro de carte.',
        'invalid-characters': 'Utilisez uniquement des chiffres dans le numéro de carte.',
        'unknown-brand': "Ce type de carte n'est pas reconnu.",
        'brand-not-accepted': "Ce type de carte n'est pas accepté ici.",
        incomplete: "Ce numéro de carte n'est pas encore complet.",
        'wrong-length': "Ce numéro de carte n'a pas le bon nombre de chiffres.",
        luhn: "Ce numéro de carte n'est pas valide. Vérifiez-le.",
      },
      name: {
        required: 'Saisissez le nom figurant sur la carte.',
        'too-long': 'Ce nom est trop long.',
        'card-number-like': 'Saisissez le nom imprimé sur la carte, pas son numéro.',
        'invalid-characters':
          'Utilisez uniquement des lettres, des espaces, des apostrophes, des traits d’union et des points dans le nom.',
        incomplete: 'Le nom doit contenir au moins une lettre.',
      },
      expiry: {
        required: "Saisissez la date d'expiration.",
        'invalid-characters': "Utilisez uniquement des chiffres dans la date d'expiration, au format MM/AA.",
        incomplete: "Saisissez la date d'expiration complète, au format MM/AA.",
        'invalid-month': 'Saisissez un mois de 01 à 12.',
        'wrong-length': "Saisissez la date d'expiration au format MM/AA.",
        'in-the-past': 'Cette carte a expiré.',
        'too-far-ahead': "Cette date d'expiration est trop lointaine.",
      },
      securityCode: {
        required: 'Saisissez le code de sécurité.',
        'invalid-characters': 'Utilisez uniquement des chiffres dans le code de sécurité.',
        incomplete: 'Ce code de sécurité est trop court.',
        'wrong-length': "Ce code de sécurité n'a pas le bon nombre de chiffres.",
      },
      postalCode: {
        required: 'Saisissez le code postal de facturation.',
        'invalid-characters':
          "Utilisez uniquement des lettres, des chiffres, des espaces et des traits d'union dans le code postal.",
        'too-long': 'Ce code postal est trop long.',
        incomplete: "Ce code postal n'est pas encore complet.",
      },
    },
  } satisfies CardFormMessages,
  'chatpay-pay-securely-offer': {
    title: 'Payer en toute sécurité ?',
    explanation:
      'Nous avons masqué le numéro de carte saisi. Le formulaire sécurisé envoie votre carte chiffrée à l’agent, jamais par le chat.',
    openForm: 'Utiliser le formulaire sécurisé',
    askForForm: 'Demander le formulaire sécurisé',
    dismiss: 'Non merci',
    asking: 'Demande à l’agent…',
    asked:
      'L’agent sait que vous souhaitez payer par carte. Une demande de paiement sécurisée apparaîtra dans le chat.',
    askFailed: 'L’agent n’a pas pu être joint. Veuillez réessayer.',
    tryAgain: 'Réessayer',
    close: 'Fermer',
  } satisfies PaySecurelyOfferMessages,
} satisfies MessageCatalogue;
