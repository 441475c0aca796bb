/**
 * Short notices in the page's `role="status"` region: a block error must be seen
 * even when the dialog that showed it was closed, and heard by screen readers.
 */
const region = () => document.getElementById('toasts')!;

export function showToast(text: string, tone: 'info' | 'error' = 'info', ms = 6000): void {
  const toast = document.createElement('div');
  toast.className = `toast toast-${tone}`;
  toast.textContent = text; // text, never HTML: it may carry a customer's name
  region().append(toast);
  // Keep the stack short when many things happen at once.
  while (region().childElementCount > 3) region().firstElementChild!.remove();
  setTimeout(() => toast.remove(), ms);
}
