// The demo's server as the end-to-end tests see it from node: the mock chat API (the third
// party's truth), the reset, and agents who call the relay as fetchBackend does, each with
// the relay's signed cookie.
import assert from 'node:assert/strict';

export function demoServerApi(base) {
  const url = (path) => new URL(path.replace(/^\//, ''), base);
  const json = async (response, what) => {
    const text = await response.text();
    assert.ok(response.status < 500, `${what} answered ${response.status}: ${text}`);
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const post = (path, body, headers = {}) =>
    fetch(url(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'chat-block-elements', ...headers },
      body: JSON.stringify(body),
    });

  return {
    reset: async () => (await json(await post('/api/mock/reset', {}), 'reset')).body,
    /** What the chat API itself holds, its faults and how many calls it got. */
    upstream: async () => (await json(await fetch(url('/api/mock/upstream')), 'upstream')).body,
    setUpstream: async (patch) => (await json(await post('/api/mock/upstream', patch), 'upstream')).body,
    /** Whether the chat API has the customer blocked. */
    chatApiBlocked: async (id) => (await (await fetch(url('/api/mock/upstream'))).json()).blocked[id] ?? false,
    /** An agent of the demo, signed in: blocks, unblocks and reads through the relay. */
    async agent(id) {
      const login = await post(`/api/as/${id}/auth/login`, { agent: id });
      assert.equal(login.status, 200, `sign-in as ${id}`);
      const cookie = login.headers.get('set-cookie').split(';')[0];
      const call = async (method, path, body) =>
        json(
          method === 'GET'
            ? await fetch(url(`/api/as/${id}${path}`), { headers: { cookie } })
            : await post(`/api/as/${id}${path}`, body, { cookie }),
          `${method} ${path}`,
        );
      return {
        block: (phone, extra = {}) => call('POST', '/customer/block', { phone, ...extra }),
        unblock: (phone) => call('POST', '/customer/unblock', { phone }),
        status: async (phone) => (await call('GET', `/customer/status?phone=${encodeURIComponent(phone)}`)).body,
        list: async (q = '') => (await call('GET', `/customers/blocked?limit=200&q=${encodeURIComponent(q)}`)).body.items,
      };
    },
  };
}
