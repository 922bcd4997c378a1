import type { MessageCatalogue } from '@chatpay/ui';
import type { CardFormMessages } from '../card-form/card-form.messages.js';
import type { PaymentRequestMessages } from '../payment-request/payment-request.messages.js';

/** The customer's elements in French: `registerMessages('fr', CUSTOMER_MESSAGES_FR)`. */
export const CUSTOMER_MESSAGES_FR = {
  'chatpay-payment-request': {
    title: 'Demande de paiement',
    reason: 'Motif :',
    decline: 'Refuser',
    enterPayment: 'Saisir le paiement',
    tryAgain: 'Réessayer',
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
    resumed:
      "La page a été rechargée et les informations de votre carte n'ont pas été conservées, pour votre sécurité. Saisissez-les à nouveau.",
    errors: {
      required: 'Ce champ est obligatoire.',
      incomplete: "Ce n'est pas encore complet.",
      'invalid-characters': 'Chiffres uniquement.',
      luhn: "Ce numéro de carte n'est pas valide. Vérifiez-le.",
      'unknown-brand': "Ce type de carte n'est pas reconnu.",
      'brand-not-accepted': "Ce type de carte n'est pas accepté ici.",
      'wrong-length': "Ce numéro de carte n'a pas le bon nombre de chiffres.",
      'invalid-month': 'Saisissez un mois de 01 à 12.',
      'in-the-past': 'Cette carte a expiré.',
      'too-far-ahead': "Cette date d'expiration est trop lointaine.",
      'card-number-like': 'Saisissez le nom imprimé sur la carte, pas son numéro.',
      'too-long': "C'est trop long.",
    },
  } satisfies CardFormMessages,
} satisfies MessageCatalogue;
