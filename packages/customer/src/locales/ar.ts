import type { MessageCatalogue } from '@chatpay/ui';
import type { CardFormMessages } from '../card-form/card-form.messages.js';
import type { PaymentRequestMessages } from '../payment-request/payment-request.messages.js';

/** The customer's elements in Arabic: `registerMessages('ar', CUSTOMER_MESSAGES_AR)`. */
export const CUSTOMER_MESSAGES_AR = {
  'chatpay-payment-request': {
    title: 'طلب دفع',
    reason: 'مقابل:',
    decline: 'رفض',
    enterPayment: 'إدخال الدفع',
    tryAgain: 'إعادة المحاولة',
    status: {
      'payment-requested': 'تم طلب الدفع',
      'entering-payment': 'أدخل بيانات بطاقتك',
      sending: 'جارٍ الإرسال…',
      'try-again': 'تعذّر الإرسال. حاول مرة أخرى.',
      'waiting-for-agent': 'تم الإرسال. بانتظار الموظف.',
      'payment-accepted': 'تم قبول الدفع',
      declined: 'لقد رفضت هذا الدفع',
      'request-expired': 'انتهت صلاحية هذا الطلب',
      'card-expired': 'انتهى هذا الطلب. يمكن للموظف أن يرسل طلبًا جديدًا.',
      cancelled: 'ألغى الموظف هذا الطلب',
      replaced: 'أرسل الموظف طلبًا جديدًا بدلًا من هذا الطلب',
    },
    unverified: 'غير موثَّق · وضع التطوير',
    unverifiedDescription: 'لم يتحقق خادم الشركة من هذا الطلب: إنه اختبار قيد التطوير. لا تُدخل بطاقة حقيقية.',
  } satisfies PaymentRequestMessages,
  'chatpay-card-form': {
    legend: 'بيانات البطاقة',
    number: 'رقم البطاقة',
    name: 'الاسم على البطاقة',
    expiry: 'تاريخ الانتهاء',
    expiryHint: 'شهر/سنة (MM/YY)',
    securityCode: 'رمز الأمان',
    postalCode: 'الرمز البريدي لعنوان الفوترة',
    pay: (amount) => `ادفع ${amount}`,
    paying: 'جارٍ الإرسال بأمان…',
    brand: (brand) => `بطاقة ${brand}`,
    failed: 'تعذّر إرسال البطاقة بأمان. تحقق من البيانات وحاول مرة أخرى.',
    resumed: 'أُعيد تحميل الصفحة ولم تُحفظ بيانات بطاقتك، حفاظًا على أمانك. يُرجى إدخالها مرة أخرى.',
    errors: {
      required: 'هذا الحقل مطلوب.',
      incomplete: 'لم يكتمل بعد.',
      'invalid-characters': 'استخدم الأرقام فقط هنا.',
      luhn: 'رقم البطاقة هذا غير صالح. تحقق من عدم وجود أخطاء.',
      'unknown-brand': 'نوع البطاقة هذا غير معروف.',
      'brand-not-accepted': 'نوع البطاقة هذا غير مقبول هنا.',
      'wrong-length': 'عدد أرقام رقم البطاقة هذا غير صحيح.',
      'invalid-month': 'أدخل شهرًا من 01 إلى 12.',
      'in-the-past': 'انتهت صلاحية هذه البطاقة.',
      'too-far-ahead': 'تاريخ الانتهاء هذا بعيد جدًا في المستقبل.',
      'card-number-like': 'أدخل الاسم المطبوع على البطاقة، وليس رقمها.',
      'too-long': 'هذا طويل جدًا.',
    },
  } satisfies CardFormMessages,
} satisfies MessageCatalogue;
