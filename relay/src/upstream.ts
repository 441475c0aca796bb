import type { Action } from './types.js';

export interface UpstreamOptions {
  /** The chat API's base URL, e.g. `https://api.example.com` (block is `POST {baseUrl}/customer/block`). */
  baseUrl: string;
  /** The chat API key. Sent as `Authorization: <key>` upstream only: never logged, echoed or sent to the page. */
  apiKey: string;
  /** How long one call may take before its answer counts as lost (ms). Default 5000. */
  timeoutMs?: number;
  /** A `fetch` to call upstream with (tests, instrumentation). */
  fetch?: typeof fetch;
}

/** What one call upstream came to, and what the page is told when it is final. */
export type UpstreamOutcome =
  | { kind: 'confirmed'; status: number }
  | { kind: 'refused'; status: number; page: { status: number; message: string | string[] } }
  | { kind: 'lost'; status: number | null; detail: string };

/**
 * Sends the reference API's request exactly: `POST {baseUrl}/customer/{action}`,
 * `Authorization: <key>`, body `{"phone": …}`. Block and unblock are set operations, so a
 * lost answer can be sent again. 400 and 404 are definite refusals in the chat API's words;
 * 401/403 mean the relay's key is wrong (the page gets 502, never the key); 408, 425, 429 and
 * 5xx, a timeout or a reset leave the outcome unknown.
 */
export async function callUpstream(options: UpstreamOptions, action: Action, phone: string): Promise<UpstreamOutcome> {
  const { baseUrl, apiKey, timeoutMs = 5000 } = options;
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${baseUrl.replace(/\/+$/, '')}/customer/${action}`, {
      method: 'POST',
      headers: { Authorization: apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ phone }),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { kind: 'lost', status: null, detail: timedOut ? `no answer within ${timeoutMs} ms` : `connection failed (${describe(error)})` };
  }
  const status = response.status;
  let body: { message?: unknown } | null = null;
  try {
    body = (await response.json()) as { message?: unknown };
  } catch {
    // The body is lost or not JSON: the status decides (a 2xx was applied).
  }
  if (status >= 200 && status < 300) return { kind: 'confirmed', status };
  if (status === 400 || status === 404) {
    const message = messageOf(body) ?? (status === 404 ? 'Invalid Customer' : 'The chat service refused the request.');
    return { kind: 'refused', status, page: { status, message } };
  }
  if (status === 401 || status === 403) {
    return { kind: 'refused', status, page: { status: 502, message: "The chat service refused the relay's API key." } };
  }
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return { kind: 'lost', status, detail: `the chat service answered ${status}` };
  }
  return { kind: 'refused', status, page: { status: 502, message: `The chat service refused the change (HTTP ${status}).` } };
}

/** The reference API's `message`: a string or a list of strings (class-validator). */
function messageOf(body: { message?: unknown } | null): string | string[] | null {
  const m = body?.message;
  if (typeof m === 'string' && m.length <= 500) return m;
  if (Array.isArray(m) && m.every((x) => typeof x === 'string')) return m.slice(0, 10);
  return null;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
