import { Server } from 'node:net';

/**
 * Makes web-test-runner's server listen on 127.0.0.1 only. @web/dev-server-core calls
 * `listen({ port, host: undefined })` when its hostname is 127.0.0.1 or localhost, which
 * binds every interface (so that browsers on other machines can reach it). Ours run here,
 * and the server carries the mock API: nothing outside this machine should reach it. Only
 * that call is changed (an options object whose `host` is present but undefined), and only
 * until the server has started: the plugin returned puts `listen` back then.
 */
export function bindLoopbackOnly() {
  const listen = Server.prototype.listen;
  Server.prototype.listen = function (options, ...rest) {
    const wide = options !== null && typeof options === 'object' && 'host' in options && options.host === undefined;
    return listen.call(this, wide ? { ...options, host: '127.0.0.1' } : options, ...rest);
  };
  return {
    name: 'bind-loopback-only',
    serverStart() {
      Server.prototype.listen = listen;
    },
  };
}
