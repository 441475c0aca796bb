/** Small display helpers for the demo's inbox. */

/** Up to two initials from the first letters of the first and last words that have letters. */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .map((w) => w.match(/\p{L}/u)?.[0])
    .filter((c): c is string => !!c);
  if (words.length === 0) return '?';
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : '';
  return (first + last).toUpperCase();
}

const HUES = [150, 200, 265, 330, 25, 45, 95, 5];

/** A stable hue per customer from a small palette, so avatars are told apart at a glance. */
export function hue(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return HUES[h % HUES.length];
}

const DAY = 86_400_000;

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** How a conversation row shows its time: "14:05", "Yesterday", "Mon", or a date. */
export function listTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const days = Math.round((startOfDay(now) - startOfDay(date)) / DAY);
  if (days <= 0) return clock(date);
  if (days === 1) return 'Yesterday';
  if (days < 7) return date.toLocaleDateString(undefined, { weekday: 'short' });
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** The separator above a day's messages: "Today", "Yesterday", or a full date. */
export function dayLabel(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const days = Math.round((startOfDay(now) - startOfDay(date)) / DAY);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return date.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
}

export function clock(date: Date | string): string {
  return new Date(date).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

/** "+919876543210" → "+91 98765 43210"-ish grouping for reading, not for sending. */
export function prettyPhone(phone: string): string {
  const nanp = phone.match(/^\+1(\d{3})(\d{3})(\d{4})$/);
  if (nanp) return `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}`;
  const m = phone.match(/^\+(7|\d{2})(\d+)$/);
  if (!m) return phone;
  const rest = m[2].replace(/(\d{3,5})(?=(\d{4,5})+$)/g, '$1 ');
  return `+${m[1]} ${rest}`;
}
