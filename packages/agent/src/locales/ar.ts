import type { MessageCatalogue } from '@chatpay/ui';
import type { ActivityDotMessages } from '../activity-dot/activity-dot.messages.js';
import { CARD_VIEWER_MESSAGES_EN, type CardViewerMessages } from '../card-viewer/card-viewer.messages.js';
import type { PaymentBannerMessages } from '../payment-banner/payment-banner.messages.js';
import type { RequestComposerMessages } from '../request-composer/request-composer.messages.js';
import type { StatusChipMessages } from '../status-chip/status-chip.messages.js';

/** The agent's elements in Arabic: `registerMessages('ar', AGENT_MESSAGES_AR)`. */
export const AGENT_MESSAGES_AR = {
  'chatpay-request-composer': {
    title: 'طلب دفع بالبطاقة',
    amount: 'المبلغ المطلوب',
    amountHint: (currency, decimals) =>
      decimals === 0 ? `بعملة ${currency}، بوحدات كاملة فقط.` : `بعملة ${currency}، حتى ${decimals} منازل عشرية.`,
    currency: 'العملة',
    reason: 'سبب الدفع',
    reasonCount: (used, limit) => `${used} من ${limit} حرفًا`,
    request: 'طلب',
    confirmTitle: 'تأكيد الطلب',
    back: 'رجوع',
    send: 'إرسال',
    discard: 'تجاهل',
    sent: 'تم إرسال الطلب.',
    amountErrors: {
      empty: 'أدخل المبلغ المطلوب.',
      'invalid-format': 'أدخل المبلغ بالأرقام.',
      'not-an-integer': 'أدخل المبلغ بالأرقام.',
      zero: 'يجب أن يكون المبلغ أكبر من صفر.',
      negative: 'لا يمكن أن يكون المبلغ سالبًا.',
      'too-many-decimals': 'في المبلغ منازل عشرية أكثر مما تسمح به هذه العملة.',
      'unknown-currency': 'هذه العملة غير مدعومة هنا.',
      'over-maximum': 'المبلغ يتجاوز الحد الأقصى.',
      overMaximum: (maximum) => `المبلغ يتجاوز الحد الأقصى البالغ ${maximum}.`,
      tooManyDecimals: (currency, decimals) =>
        decimals === 0
          ? `مبالغ ${currency} بلا منازل عشرية.`
          : `مبالغ ${currency} لها ${decimals} منازل عشرية على الأكثر.`,
    },
    reasonRequired: 'أدخل سبب الدفع.',
    reasonInvalid: (limit) => `أدخل سببًا من ${limit} حرفًا على الأكثر، دون أحرف تحكم.`,
    groupSeparatorTyped: (group, decimal) =>
      `تم تجاهل «${group}»: يُضاف تلقائيًا بين الآلاف. اكتب «${decimal}» للمنازل العشرية.`,
    notANumber: (decimal) => `يمكن كتابة الأرقام فقط هنا، و«${decimal}» للمنازل العشرية.`,
    decimalsDropped: (currency) => `منازل ${currency} العشرية أقل: تغيّر المبلغ. تحقق منه.`,
    currencyUnknown: (currency) => `العملة «${currency}» ليست رمز ISO 4217 معروفًا. حدّد عملة صالحة.`,
    notSent: 'تعذّر إرسال الطلب. حاول مرة أخرى.',
  } satisfies RequestComposerMessages,
  'chatpay-status-chip': {
    status: {
      draft: 'مسودة',
      confirming: 'تأكيد الطلب',
      sending: 'جارٍ الإرسال',
      'try-again': 'أعد المحاولة',
      'waiting-for-customer': 'بانتظار العميل',
      'view-card': 'عرض البطاقة',
      completed: 'مكتمل',
      'customer-declined': 'رفض العميل الدفع',
      'request-expired': 'انتهت صلاحية الطلب',
      'card-expired': 'انتهت مدة عرض البطاقة',
      'card-rejected': 'تعذّرت قراءة البطاقة',
      cancelled: 'أُلغي',
    },
    timeLeft: (time) => `متبقٍ ${time}`,
    cancel: 'إلغاء الطلب',
    cancelQuestion: 'هل تريد إلغاء هذا الطلب؟',
    keep: 'إبقاؤه',
    confirmCancel: 'نعم، إلغاء',
    observedCard: 'أُرسلت البطاقة إلى موظف آخر',
    observed: 'أرسله موظف آخر: وحده يمكنه التعامل معه أو عرض البطاقة.',
    close: 'إغلاق',
    viewerTitle: 'بيانات البطاقة',
  } satisfies StatusChipMessages,
  'chatpay-card-viewer': {
    title: 'بيانات البطاقة',
    number: 'رقم البطاقة',
    name: 'الاسم على البطاقة',
    expiry: 'تاريخ الانتهاء',
    securityCode: 'رمز الأمان',
    brand: 'نوع البطاقة',
    postalCode: 'الرمز البريدي',
    copy: (field) => `نسخ ${field}`,
    copyButton: 'نسخ',
    copied: 'تم النسخ',
    copiedField: (field) => `تم نسخ ${field}.`,
    copyFailed: 'تعذّر النسخ: حدّد النص وانسخه يدويًا.',
    visibleFor: (time) => `ظاهر لمدة ${time}`,
    lastMinute: 'بقي أقل من دقيقة لعرض البطاقة.',
    complete: 'وضع علامة مكتمل',
    cancel: 'إلغاء الطلب',
    opening: 'جارٍ فتح البطاقة…',
    hidden: 'مخفية ما دامت هذه النافذة في الخلفية. عُد إليها لعرض البطاقة.',
    notYet: 'لم تصل أي بطاقة لهذا الطلب بعد.',
    completed: 'مكتمل. يرى العميل «تم قبول الدفع». حُذفت بيانات البطاقة.',
    expired: 'انتهت مدة العرض وحُذفت بيانات البطاقة. أرسل طلبًا جديدًا للحصول على البطاقة مرة أخرى.',
    cancelled: 'أُلغي الطلب. حُذفت بيانات البطاقة.',
    ended: 'انتهى هذا الطلب.',
    notYours: 'أرسل موظف آخر هذا الطلب: وحده يمكنه عرض البطاقة.',
    unreadable: 'تعذّر فتح البطاقة هنا فرُفضت. أرسل طلبًا جديدًا.',
    openFailed: 'تعذّر فتح البطاقة. إن كان الطلب لا يزال مفتوحًا، أغلق هذا واختر «عرض البطاقة» مرة أخرى.',
    brandName: CARD_VIEWER_MESSAGES_EN.brandName,
  } satisfies CardViewerMessages,
  'chatpay-payment-banner': {
    label: 'الدفع بالبطاقة',
    cardArrived: (customer) => `أرسل ${customer} بطاقته.`,
    view: 'عرض',
    dismiss: 'تجاهل',
  } satisfies PaymentBannerMessages,
  'chatpay-activity-dot': { cardWaiting: 'بطاقة بانتظار العرض' } satisfies ActivityDotMessages,
} satisfies MessageCatalogue;
