import type { MessageCatalogue } from '@chatpay/ui';
import type { ActivityDotMessages } from '../activity-dot/activity-dot.messages.js';
import { CARD_VIEWER_MESSAGES_EN, type CardViewerMessages } from '../card-viewer/card-viewer.messages.js';
import type { PaymentAskMessages } from '../payment-ask/payment-ask.messages.js';
import type { PaymentBannerMessages } from '../payment-banner/payment-banner.messages.js';
import type { RequestComposerMessages } from '../request-composer/request-composer.messages.js';
import type { StatusChipMessages } from '../status-chip/status-chip.messages.js';

/** The agent's elements in Spanish: `registerMessages('es', AGENT_MESSAGES_ES)`. */
export const AGENT_MESSAGES_ES = {
  'chatpay-request-composer': {
    title: 'Solicitar un pago con tarjeta',
    amount: 'Importe a cobrar',
    amountHint: (currency, decimals) =>
      decimals === 0 ? `En ${currency}, solo unidades enteras.` : `En ${currency}, hasta ${decimals} decimales.`,
    currency: 'Moneda',
    reason: 'Motivo del cobro',
    reasonCount: (used, limit) => `${used.toLocaleString('es')} de ${limit.toLocaleString('es')} caracteres`,
    request: 'Solicitar',
    confirmTitle: 'Confirma la solicitud',
    back: 'Atrás',
    send: 'Enviar',
    discard: 'Descartar',
    sent: 'Solicitud enviada.',
    amountErrors: {
      empty: 'Introduce el importe a cobrar.',
      'invalid-format': 'Introduce el importe en cifras.',
      'ambiguous-separator': 'Hay un separador donde no puede separar los miles. Revisa el importe.',
      sign: 'Un importe no lleva el signo «+»: escribe solo las cifras.',
      exponent: 'Escribe el importe completo: aquí no se lee un exponente como «e12».',
      letters: 'Aquí solo se pueden escribir cifras y el separador decimal.',
      'not-an-integer': 'Introduce el importe en cifras.',
      zero: 'El importe debe ser mayor que cero.',
      negative: 'El importe no puede ser negativo.',
      'too-many-decimals': 'El importe tiene demasiados decimales para esta moneda.',
      'unknown-currency': 'Esta moneda no se admite aquí.',
      'over-maximum': 'El importe supera el máximo.',
      overMaximum: (maximum) => `El importe supera el máximo de ${maximum}.`,
      tooManyDecimals: (currency, decimals) =>
        decimals === 0
          ? `Los importes en ${currency} no llevan decimales.`
          : `Los importes en ${currency} llevan como máximo ${decimals} decimales.`,
    },
    reasonRequired: 'Introduce el motivo del cobro.',
    reasonInvalid: (limit) => `Introduce un motivo de ${limit} caracteres como máximo, sin caracteres de control.`,
    reasonUnsafe: 'El motivo contiene caracteres de control, de cambio de dirección o invisibles. Elimínalos.',
    ambiguousSeparator: (language, group, decimal) =>
      `En ${new Intl.DisplayNames('es', { type: 'language' }).of(language)}, ${group.trim() === '' ? 'un espacio' : `«${group}»`} separa los miles; usa «${decimal}» para los decimales.`,
    notANumber: (decimal) => `Aquí solo se pueden escribir cifras y «${decimal}» para los decimales.`,
    decimalsDropped: (currency) => `${currency} admite menos decimales: el importe ha cambiado. Revísalo.`,
    currencyUnknown: (currency) =>
      `La moneda «${currency}» no es un código ISO 4217 conocido. Indica una moneda válida.`,
    notSent: 'No se pudo enviar la solicitud. Inténtalo de nuevo.',
  } satisfies RequestComposerMessages,
  'chatpay-status-chip': {
    status: {
      draft: 'BORRADOR',
      confirming: 'CONFIRMAR SOLICITUD',
      sending: 'ENVIANDO',
      'try-again': 'REINTENTAR',
      'waiting-for-customer': 'ESPERANDO AL CLIENTE',
      'view-card': 'VER TARJETA',
      completed: 'COMPLETADO',
      'customer-declined': 'EL CLIENTE RECHAZÓ EL PAGO',
      'request-expired': 'SOLICITUD CADUCADA',
      'card-expired': 'TIEMPO DE VISUALIZACIÓN AGOTADO',
      'card-rejected': 'TARJETA ILEGIBLE',
      cancelled: 'CANCELADA',
    },
    timeLeft: (time) => `quedan ${time}`,
    lastMinuteToPay: 'Al cliente le queda menos de un minuto para pagar.',
    lastMinuteToView: 'Queda menos de un minuto para ver la tarjeta.',
    named: (status, amount, reason) => `${status}: ${amount}, ${reason}`,
    cancel: 'Cancelar solicitud',
    cancelQuestion: '¿Cancelar esta solicitud?',
    keep: 'Mantenerla',
    confirmCancel: 'Sí, cancelar',
    observedCard: 'TARJETA ENVIADA A OTRO AGENTE',
    observed: 'La envió otro agente: solo ese agente puede gestionarla o ver la tarjeta.',
    close: 'Cerrar',
    viewerTitle: 'Datos de la tarjeta',
    unverified: 'SIN VERIFICAR · modo de desarrollo',
    unverifiedDescription:
      'Nadie ha avalado las claves de esta solicitud: la verificación de claves está desactivada, algo solo para desarrollo. Nunca aceptes una tarjeta real así.',
    cardNotOpened: 'TARJETA RECIBIDA',
    cardViewed: 'TARJETA VISTA',
    keysGone:
      'No se puede abrir aquí: esta solicitud se envió desde otro dispositivo o se borraron los datos de este navegador. Envía una nueva solicitud por el mismo importe.',
    requestAgain: 'Enviar nueva solicitud',
    requestAgainFailed: 'No se pudo enviar la nueva solicitud. Inténtalo de nuevo.',
    otherTab: 'Ábrela en tu otra pestaña: otra pestaña tuya tiene esta solicitud.',
    alreadyViewed:
      'Tarjeta ya vista en este dispositivo: solo se abre una vez. Aún puedes marcar la solicitud como completada o cancelarla.',
    complete: 'Marcar como completada',
    conflict:
      'Dos clientes distintos respondieron a esta solicitud, así que su tarjeta no se abre. Cancélala y envía una nueva solicitud.',
    viewerLoading: 'Cargando el visor de la tarjeta…',
    viewerFailed: 'El visor de la tarjeta no se ha cargado. Comprueba tu conexión y vuelve a intentarlo.',
    retryViewer: 'Reintentar',
  } satisfies StatusChipMessages,
  'chatpay-card-viewer': {
    title: 'Datos de la tarjeta',
    chargeAmount: 'Importe a cobrar',
    chargeReason: 'Motivo del cobro',
    number: 'Número de tarjeta',
    name: 'Nombre en la tarjeta',
    expiry: 'Caducidad',
    securityCode: 'Código de seguridad',
    brand: 'Tipo de tarjeta',
    postalCode: 'Código postal',
    copy: (field) => `Copiar ${field.toLowerCase()}`,
    copyButton: 'Copiar',
    copied: 'Copiado',
    copiedField: (field) => `${field}: copiado.`,
    copyFailed: 'No se pudo copiar: selecciona el texto y cópialo a mano.',
    clipboardClearedAfter: (duration) => `Se borrará del portapapeles en ${duration}.`,
    clipboardClearedAtEnd: 'Se borrará del portapapeles al cerrarse la tarjeta.',
    clipboardNotCleared: 'El navegador no permitió borrar automáticamente el dato de la tarjeta del portapapeles.',
    clearClipboard: 'Vaciar el portapapeles',
    visibleFor: (time) => `Visible durante ${time}`,
    lastMinute: 'Queda menos de un minuto para ver la tarjeta.',
    complete: 'Marcar como completado',
    cancel: 'Cancelar solicitud',
    opening: 'Abriendo la tarjeta…',
    hidden: 'Oculta mientras esta ventana está en segundo plano. Vuelve a ella para ver la tarjeta.',
    notYet: 'Aún no ha llegado ninguna tarjeta para esta solicitud.',
    completed: 'Completado. El cliente ve «Pago aceptado». Los datos de la tarjeta se han borrado.',
    expired:
      'El tiempo para verla terminó y los datos se han borrado. Envía una nueva solicitud para volver a pedir la tarjeta.',
    cancelled: 'Se canceló la solicitud. Los datos de la tarjeta se han borrado.',
    ended: 'Esta solicitud ha terminado.',
    notYours: 'Otro agente envió esta solicitud: solo ese agente puede ver la tarjeta.',
    unreadable: 'No se pudo abrir la tarjeta aquí, así que se rechazó. Envía una nueva solicitud.',
    openFailed:
      'No se pudo abrir la tarjeta. Si la solicitud sigue abierta, cierra esto y vuelve a pulsar «Ver tarjeta».',
    brandName: CARD_VIEWER_MESSAGES_EN.brandName,
  } satisfies CardViewerMessages,
  'chatpay-payment-banner': {
    label: 'Pagos con tarjeta',
    cardArrived: (customer, amount) =>
      amount === null
        ? `${customer} ha enviado su tarjeta.`
        : `${customer} ha enviado su tarjeta para pagar ${amount}.`,
    view: 'Ver',
    dismiss: 'Descartar',
  } satisfies PaymentBannerMessages,
  'chatpay-activity-dot': { cardWaiting: 'Tarjeta pendiente de ver' } satisfies ActivityDotMessages,
  'chatpay-payment-ask': {
    label: 'Pago con tarjeta',
    asked: 'El cliente quiere pagar con tarjeta.',
    hint: 'Envíe una solicitud de tarjeta para que pague en el formulario seguro.',
    start: 'Iniciar una solicitud de tarjeta',
    dismiss: 'Descartar',
  } satisfies PaymentAskMessages,
} satisfies MessageCatalogue;
