// The bench's HTTP client for the relay: plain node:http over kept-alive connections (the
// cheapest client, so the figures are the relay's), calling as fetchBackend does.
import http from 'node:http';
import { AGENT } from './config.js';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** The headers every call carries: the CSRF header, JSON, and the agent's cookie. */
export const relayHeaders = (cookie) => ({ 'X-Requested-With': 'chat-block-elements', Accept: 'application/json', 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) });

/** One request; resolves with `{ status, headers, body }` (body parsed from JSON when it is). */
export function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let parsed = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode, headers: res.headers, body: parsed });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Signs in as the bench's agent (POST /auth/login); resolves with the cookie to send. */
export async function signIn(base) {
  const answer = await request(`${base}/auth/login`, { method: 'POST', headers: relayHeaders(), body: { agent: AGENT.id } });
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return String(answer.headers['set-cookie']).split(';')[0];
}

/** A signed-in caller of one relay: `post(path, body, key)` and `get(path)`. */
export function caller(base, cookie) {
  const headers = relayHeaders(cookie);
  return {
    post: (path, body, key) => request(`${base}${path}`, { method: 'POST', headers: key ? { ...headers, 'Idempotency-Key': `"${key}"` } : headers, body }),
    get: (path) => request(`${base}${path}`, { headers }),
  };
}

/** Closes the kept-alive connections, so the bench can exit and the relays stop at once. */
export const closeClient = () => agent.destroy();
