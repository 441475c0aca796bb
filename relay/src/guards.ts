/**
 * Cross-site request forgery: a state-changing request must carry the custom header that
 * `fetchBackend` sends (a form or an image cannot set it, and a cross-origin script cannot
 * without a CORS preflight the relay refuses), and its `Origin`, when sent, must be the
 * relay's own or an allowed one.
 */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'chat-block-elements';

export function csrfProblem(request: Request, allowedOrigins: readonly string[]): string | null {
  const origin = request.headers.get('origin');
  if (origin && !originAllowed(origin, request, allowedOrigins)) return `Requests from ${origin} are not allowed.`;
  if (request.headers.get(CSRF_HEADER) !== CSRF_VALUE) return `Missing the "X-Requested-With: ${CSRF_VALUE}" header.`;
  return null;
}

/** The relay's own origin (the request's Host), or one listed exactly: never a wildcard, since cookies ride along. */
export function originAllowed(origin: string, request: Request, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.includes(origin)) return true;
  const host = request.headers.get('host');
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * A per-agent token bucket: `burst` requests at once, refilled at `perSecond`. The default
 * lets a bulk unblock of 200 through at once, and stops a runaway script soon after.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  constructor(readonly burst = 300, readonly perSecond = 5) {}

  /** 0 when the request may go ahead, else how many seconds until it may. */
  take(agentId: string, now = Date.now()): number {
    const bucket = this.#buckets.get(agentId) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.#buckets.set(agentId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
  }
}
