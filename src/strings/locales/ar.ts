import type { ChatStrings } from '../en.js';

/** Arabic (right-to-left). Use with `registerLocale(ar)` and `lang="ar" dir="rtl"`. */
const ar: ChatStrings = {
  $code: 'ar',
  $dir: 'rtl',
  menuLabel: 'خيارات أخرى',
  triggerLabel: 'إجراءات أخرى لـ {name}',
  block: 'حظر',
  unblock: 'إلغاء الحظر',
  blockPending: 'جارٍ الحظر…',
  unblockPending: 'جارٍ إلغاء الحظر…',
  blockNotAllowed: 'ليس لديك إذن بحظر العملاء',
  missingCustomer: 'لم يتم اختيار عميل',
  blockHeading: 'حظر {name}؟',
  unblockHeading: 'إلغاء حظر {name}؟',
  blockMessage: 'لن يتمكن {name} من مراسلتك حتى تلغي الحظر.',
  unblockMessage: 'سيتمكن {name} من مراسلتك مرة أخرى.',
  cancel: 'إلغاء',
  confirm: 'تأكيد',
  confirmBusy: 'جارٍ التنفيذ…',
  statusBlocked: 'محظور',
  statusBlocking: 'جارٍ الحظر…',
  statusUnblocking: 'جارٍ إلغاء الحظر…',
  statusUnblocked: 'تم إلغاء الحظر',
  statusBlockFailed: 'تعذّر الحظر',
  statusUnblockFailed: 'تعذّر إلغاء الحظر',
  retry: 'إعادة المحاولة',
  thisCustomer: 'هذا العميل',
};
export default ar;
