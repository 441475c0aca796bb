import type { ChatStrings } from '../en.js';

/** Hindi. Use with `registerLocale(hi)` and `lang="hi"`. */
const hi: ChatStrings = {
  $code: 'hi',
  $dir: 'ltr',
  menuLabel: 'और विकल्प',
  triggerLabel: '{name} के लिए और कार्रवाइयाँ',
  block: 'ब्लॉक करें',
  unblock: 'अनब्लॉक करें',
  blockPending: 'ब्लॉक हो रहा है…',
  unblockPending: 'अनब्लॉक हो रहा है…',
  blockNotAllowed: 'आपको ग्राहकों को ब्लॉक करने की अनुमति नहीं है',
  missingCustomer: 'कोई ग्राहक नहीं चुना गया',
  blockHeading: '{name} को ब्लॉक करें?',
  unblockHeading: '{name} को अनब्लॉक करें?',
  blockMessage: 'जब तक आप अनब्लॉक नहीं करते, {name} आपको संदेश नहीं भेज पाएंगे।',
  unblockMessage: '{name} आपको फिर से संदेश भेज पाएंगे।',
  cancel: 'रद्द करें',
  confirm: 'पुष्टि करें',
  confirmBusy: 'हो रहा है…',
  statusBlocked: 'ब्लॉक किया गया',
  statusBlocking: 'ब्लॉक हो रहा है…',
  statusUnblocking: 'अनब्लॉक हो रहा है…',
  statusUnblocked: 'अनब्लॉक किया गया',
  statusBlockFailed: 'ब्लॉक नहीं हो सका',
  statusUnblockFailed: 'अनब्लॉक नहीं हो सका',
  retry: 'फिर से कोशिश करें',
  thisCustomer: 'यह ग्राहक',
};
export default hi;
