import type { MessageCatalogue } from '@chatpay/ui';
import type { CardFormMessages } from '../card-form/card-form.messages.js';
import type { PaySecurelyOfferMessages } from '../pay-securely-offer/pay-securely-offer.messages.js';
import type { PaymentRequestMessages } from '../payment-request/payment-request.messages.js';

/** The customer's elements in Spanish: `registerMessages('es', CUSTOMER_MESSAGES_ES)`. */
export const CUSTOMER_MESSAGES_ES = {
  'chatpay-payment-request': {
    title: 'Solicitud de pago',
    reason: 'Concepto:',
    decline: 'Rechazar',
    enterPayment: 'Introducir pago',
    tryAgain: 'Reintentar',
    declineQuestion: '¿Rechazar este pago?',
    keep: 'Conservar',
    confirmDecline: 'Sí, rechazar',
    status: {
      'payment-requested': 'Pago solicitado',
      'entering-payment': 'Introduce los datos de tu tarjeta',
      sending: 'Enviando…',
      'try-again': 'No se pudo enviar. Inténtalo de nuevo.',
      'waiting-for-agent': 'Enviado. Esperando al agente.',
      'payment-accepted': 'Pago aceptado',
      declined: 'Has rechazado este pago',
      'request-expired': 'Esta solicitud ha caducado',
      'card-expired': 'Esta solicitud ha terminado. El agente puede enviarte otra.',
      cancelled: 'El agente ha cancelado esta solicitud',
      replaced: 'El agente ha enviado una nueva solicitud en lugar de esta',
    },
    notCharged: 'No se te ha cobrado nada.',
    acceptedWith: (brand, lastFour) => `Pago aceptado — ${brand} •••• ${lastFour}`,
    formLoading: 'Cargando el formulario seguro…',
    formFailed: 'El formulario seguro no se ha cargado. Comprueba tu conexión y vuelve a intentarlo.',
    retryForm: 'Reintentar',
    unverified: 'SIN VERIFICAR · modo de desarrollo',
    unverifiedDescription:
      'El servidor de la empresa no ha comprobado esta solicitud: es una prueba en desarrollo. No introduzcas una tarjeta real.',
  } satisfies PaymentRequestMessages,
  'chatpay-card-form': {
    legend: 'Datos de la tarjeta',
    number: 'Número de tarjeta',
    name: 'Nombre en la tarjeta',
    expiry: 'Fecha de caducidad',
    expiryHint: 'MM/AA',
    securityCode: 'Código de seguridad',
    postalCode: 'Código postal de facturación',
    pay: (amount) => `Pagar ${amount}`,
    paying: 'Enviando de forma segura…',
    brand: (brand) => `Tarjeta ${brand}`,
    failed: 'No se pudo enviar la tarjeta de forma segura. Revisa los datos y vuelve a intentarlo.',
    notLoaded: 'El pago seguro no se ha cargado y no se ha enviado nada. Comprueba tu conexión y vuelve a intentarlo.',
    resumed:
      'La página se ha recargado y los datos de tu tarjeta no se han guardado, por tu seguridad. Vuelve a introducirlos.',
    errors: {
      number: {
        required: 'Introduce el número de la tarjeta.',
        'invalid-characters': 'Usa solo dígitos en el número de la tarjeta.',
        'unknown-brand': 'No se reconoce este tipo de tarjeta.',
        'brand-not-accepted': 'Aquí no se acepta este tipo de tarjeta.',
        incomplete: 'Este número de tarjeta todavía no está completo.',
        'wrong-length': 'Este número de tarjeta no tiene el número de dígitos correcto.',
        luhn: 'Este número de tarjeta no es válido. Comprueba que no haya errores.',
      },
      name: {
        required: 'Introduce el nombre que figura en la tarjeta.',
        'too-long': 'Este nombre es demasiado largo.',
        'card-number-like': 'Introduce el nombre impreso en la tarjeta, no su número.',
        'invalid-characters': 'Usa solo letras, espacios, apóstrofos, guiones y puntos en el nombre.',
        incomplete: 'El nombre necesita al menos una letra.',
      },
      expiry: {
        required: 'Introduce la fecha de caducidad.',
        'invalid-characters': 'Usa solo dígitos en la fecha de caducidad, como MM/AA.',
        incomplete: 'Introduce la fecha de caducidad completa, como MM/AA.',
        'invalid-month': 'Introduce un mes del 01 al 12.',
        'wrong-length': 'Introduce la fecha de caducidad como MM/AA.',
        'in-the-past': 'Esta tarjeta ha caducado.',
        'too-far-ahead': 'Esta fecha de caducidad es demasiado lejana.',
      },
      securityCode: {
        required: 'Introduce el código de seguridad.',
        'invalid-characters': 'Usa solo dígitos en el código de seguridad.',
        incomplete: 'Este código de seguridad es demasiado corto.',
        'wrong-length': 'Este código de seguridad no tiene el número de dígitos correcto.',
      },
      postalCode: {
        required: 'Introduce el código postal de facturación.',
        'invalid-characters': 'Usa solo letras, dígitos, espacios y guiones en el código postal.',
        'too-long': 'Este código postal es demasiado largo.',
        incomplete: 'Este código postal todavía no está completo.',
      },
    },
  } satisfies CardFormMessages,
  'chatpay-pay-securely-offer': {
    title: '¿Pagar de forma segura?',
    explanation:
      'Ocultamos el número de tarjeta que escribió. El formulario seguro envía su tarjeta cifrada al agente, nunca por el chat.',
    openForm: 'Usar el formulario seguro',
    askForForm: 'Pedir el formulario seguro',
    dismiss: 'No, gracias',
    asking: 'Avisando al agente…',
    asked: 'El agente sabe que desea pagar con tarjeta. Aparecerá una solicitud de pago segura en el chat.',
    askFailed: 'No se pudo contactar con el agente. Inténtelo de nuevo.',
    tryAgain: 'Reintentar',
    close: 'Cerrar',
  } satisfies PaySecurelyOfferMessages,
} satisfies MessageCatalogue;
