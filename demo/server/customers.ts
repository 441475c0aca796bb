/** One line of a conversation. `from: 'system'` is a note such as "You blocked …". */
export interface Message {
  from: 'customer' | 'agent' | 'system';
  text: string;
  /** ISO timestamp. */
  at: string;
}

/** A conversation in the team inbox. `id` is the phone number, as the reference API knows it. */
export interface Customer {
  id: string;
  name: string;
  lastMessage: string;
  /** ISO timestamp of the last message. */
  time: string;
  unread: number;
  blocked: boolean;
  /**
   * The demo's extension of the reference API (which has no place for them): why,
   * until when and since when the customer is blocked; null when not blocked.
   */
  blockReason: string | null;
  blockedUntil: string | null;
  blockedAt: string | null;
  messages: Message[];
}

/** Seed rows: [phone, name, unread, blocked, messages as [from, text, minutes ago]]. */
type Seed = [string, string, number, boolean, [Message['from'], string, number][]];

const SEEDS: Seed[] = [
  ['+919876543210', 'Priya Sharma', 2, false, [
    ['customer', 'Hi! I ordered the linen kurta last week, order #A-20417.', 48],
    ['agent', 'Hello Priya, thanks for reaching out. Let me check that for you.', 45],
    ['customer', 'The tracking link still says "label created".', 7],
    ['customer', 'Can you tell me when it will ship?', 6],
  ]],
  ['+14155550132', 'Emily Carter', 0, false, [
    ['customer', 'Do you ship to Canada?', 190],
    ['agent', 'We do! Shipping to Canada takes 5–7 business days.', 185],
    ['customer', 'Perfect, thanks!', 180],
  ]],
  ['+919812345678', 'Rahul Verma', 0, true, [
    ['customer', 'CONGRATULATIONS you won a FREE iPhone!!! click here', 1500],
    ['customer', 'Last chance to claim your prize', 1490],
  ]],
  ['+971501234567', 'Fatima Al-Sayed', 1, false, [
    ['agent', 'Your return has been approved. The courier will pick it up tomorrow.', 310],
    ['customer', 'Great, what time should I expect them?', 295],
  ]],
  ['+5511987654321', 'Lucas Oliveira', 0, false, [
    ['customer', 'Is the blue backpack coming back in stock?', 2900],
    ['agent', 'Yes, we expect it next Monday. Want me to notify you?', 2880],
    ['customer', 'Yes please!', 2875],
  ]],
  ['+447911123456', '<img src=x onerror=alert(1)> Mallory', 3, false, [
    ['customer', '<b>bold?</b> <script>alert("hi")</script>', 25],
    ['customer', 'Just checking how your dashboard renders my name', 24],
    ['customer', 'hello??', 23],
  ]],
  ['+918765432109', 'Ananya Iyer', 0, false, [
    ['customer', 'Can I change the delivery address for order #A-20388?', 4400],
    ['agent', 'Done, the new address is on the order now.', 4380],
  ]],
  ['+6591234567', 'Chen Wei', 0, false, [
    ['customer', 'Thanks for the quick refund!', 10100],
  ]],
];

/** Fresh seed data, timed relative to `now` so the inbox always looks current. */
export function seedCustomers(now = Date.now()): Customer[] {
  return SEEDS.map(([id, name, unread, blocked, lines]) => {
    const messages = lines.map(([from, text, minutesAgo]) => ({
      from,
      text,
      at: new Date(now - minutesAgo * 60_000).toISOString(),
    }));
    const last = messages[messages.length - 1];
    const blockedAt = blocked ? new Date(Date.now() - 3 * 86_400_000).toISOString() : null;
    return { id, name, lastMessage: last.text, time: last.at, unread, blocked, blockReason: blocked ? 'spam' : null, blockedUntil: null, blockedAt, messages };
  });
}
