import type { Action } from './types.js';

/** A block or unblock as the page sends it: the reference body plus the documented extensions. */
export interface ChangeBody {
  phone: string;
  name: string | null;
  reason: string | null;
  until: string | null;
}

export const LIMITS = { name: 200, reason: 500, untilAheadMs: 366 * 24 * 3600 * 1000 } as const;
const ALLOWED: Record<Action, readonly string[]> = {
  block: ['phone', 'name', 'reason', 'until'],
  unblock: ['phone', 'name'],
};

/** The reference API's phone rule, in its words (class-validator style). */
export function phoneProblem(phone: unknown): string | null {
  if (typeof phone !== 'string') return 'phone must be a string';
  if (phone.length < 10) return 'phone must be longer than or equal to 10 characters';
  if (phone.length > 15) return 'phone must be shorter than or equal to 15 characters';
  if (!/^\+[1-9]\d+$/.test(phone)) return 'phone must be a valid phone number';
  return null;
}

/** The body, or every problem with it (a 400 lists them all, and nothing is written). */
export function readChangeBody(action: Action, body: unknown, now = Date.now()): ChangeBody | string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return ['the body must be a JSON object'];
  const data = body as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(data)) {
    if (!ALLOWED[action].includes(key)) problems.push(`property ${key} should not exist`);
  }
  const phone = phoneProblem(data.phone);
  if (phone) problems.push(phone);
  const text = (key: 'name' | 'reason', max: number) => {
    const value = data[key];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') return void problems.push(`${key} must be a string`), null;
    if (value.length > max) return void problems.push(`${key} must be shorter than or equal to ${max} characters`), null;
    return value;
  };
  const name = text('name', LIMITS.name);
  const reason = action === 'block' ? text('reason', LIMITS.reason) : null;
  let until: string | null = null;
  if (action === 'block' && data.until !== undefined && data.until !== null && data.until !== '') {
    const ms = typeof data.until === 'string' ? Date.parse(data.until) : NaN;
    if (Number.isNaN(ms)) problems.push('until must be an ISO 8601 time');
    else if (ms <= now) problems.push('until must be in the future');
    else if (ms > now + LIMITS.untilAheadMs) problems.push('until must be at most a year ahead');
    else until = new Date(ms).toISOString();
  }
  return problems.length ? problems : { phone: data.phone as string, name, reason, until };
}
