import type { Agent } from './types.js';

/**
 * A simple signed-cookie sign-in for the CLI and the demo: a fixed list of agents, and a
 * cookie `chat_block_agent=<id>.<HMAC-SHA256>` that only the relay can make. A host with its
 * own sessions passes its own `authorize` instead and skips this.
 */
export interface CookieAuthOptions {
  /** The HMAC key (at least 32 characters). Changing it signs everyone out. */
  secret: string;
  agents: readonly (Agent & { password?: string })[];
  /** Add `Secure` to the cookie (on when the relay is served over HTTPS). Default false. */
  secure?: boolean;
}

export interface CookieAuth {
  authorize(request: Request): Promise<Agent | null>;
  /** Answers `POST /auth/login {agent, password?}` with the agent and a Set-Cookie, or a JSON error. */
  login(request: Request): Promise<Response>;
  logout(): Response;
  readonly agents: readonly Agent[];
}

export const AGENT_COOKIE = 'chat_block_agent';

export function cookieAuth(options: CookieAuthOptions): CookieAuth {
  const { secret, agents, secure = false } = options;
  if (typeof secret !== 'string' || secret.length < 32) throw new TypeError('cookieAuth: secret must be at least 32 characters.');
  if (!Array.isArray(agents) || agents.length === 0) throw new TypeError('cookieAuth: give at least one agent ({ id, name, canBlock }).');
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  const sign = async (id: string) => Buffer.from(await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(id))).toString('base64url');
  const publicAgent = ({ id, name, canBlock }: Agent): Agent => ({ id, name, canBlock });
  const cookie = (value: string, maxAge: number) =>
    `${AGENT_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });

  return {
    agents: agents.map(publicAgent),
    async authorize(request) {
      const raw = readCookie(request.headers.get('cookie'), AGENT_COOKIE);
      const dot = raw?.lastIndexOf('.') ?? -1;
      if (!raw || dot < 1) return null;
      let id: string;
      try {
        id = decodeURIComponent(raw.slice(0, dot));
      } catch {
        return null; // not a cookie this relay wrote
      }
      const mac = Buffer.from(raw.slice(dot + 1), 'base64url');
      const valid = await crypto.subtle.verify('HMAC', await key, mac, new TextEncoder().encode(id));
      const agent = valid ? agents.find((a) => a.id === id) : undefined;
      return agent ? publicAgent(agent) : null;
    },
    async login(request) {
      let body: { agent?: unknown; password?: unknown } | null = null;
      try {
        body = (await request.json()) as { agent?: unknown; password?: unknown };
      } catch {
        // answered below
      }
      const agent = agents.find((a) => a.id === body?.agent);
      if (!agent || (agent.password !== undefined && agent.password !== body?.password)) {
        return json(401, { statusCode: 401, message: 'Unknown agent or wrong password.' });
      }
      const value = `${encodeURIComponent(agent.id)}.${await sign(agent.id)}`;
      return json(200, publicAgent(agent), { 'Set-Cookie': cookie(value, 60 * 60 * 24 * 30) });
    },
    logout: () => new Response(null, { status: 204, headers: { 'Set-Cookie': cookie('', 0), 'Cache-Control': 'no-store' } }),
  };
}

function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}
