// The bench's child processes (relays, the mock chat API, SSE readers) run on event loops of
// their own, so what one measures is not slowed by what another does. They speak over Node's
// IPC channel: a child says it is ready (with its URL), then the bench calls it and awaits.
import { fork } from 'node:child_process';

const alive = new Set();

/**
 * Forks `modulePath` and resolves once it calls `ready()`, with
 * `{ ready, call(type, payload), stop() }` (`ready` is what the child sent).
 */
export function startChild(modulePath, env = {}) {
  const child = fork(modulePath, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  alive.add(child);
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const waiting = new Map();
  let nextId = 0;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    alive.delete(child);
    for (const { reject } of waiting.values()) reject(new Error(`${modulePath} exited (${code ?? signal}):\n${output}`));
    waiting.clear();
    resolve();
  }));
  return new Promise((resolve, reject) => {
    child.once('exit', () => reject(new Error(`${modulePath} exited before it was ready:\n${output}`)));
    child.on('message', (message) => {
      if ('ready' in message) {
        resolve({
          ready: message.ready,
          output: () => output,
          call(type, payload) {
            const id = ++nextId;
            child.send({ id, type, payload });
            return new Promise((done, fail) => waiting.set(id, { resolve: done, reject: fail }));
          },
          /** Asks the child to close what it opened, then exits it (killed if it hangs). */
          async stop() {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(timer);
          },
        });
        return;
      }
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error));
      else pending?.resolve(message.result);
    });
  });
}

// Nothing the bench started may outlive it, even when it fails.
process.on('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

/**
 * The child's half: answers the bench's calls with `handlers[type](payload)`, says it is ready
 * with `ready`, and runs `close()` then exits on SIGTERM or when the bench is gone.
 */
export function serveBench(handlers, { ready, close = async () => {} }) {
  let closing = null;
  const shutdown = () => {
    closing ??= Promise.resolve().then(close).catch(() => {}).finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('disconnect', shutdown);
  process.on('message', async ({ id, type, payload }) => {
    try {
      const result = await handlers[type](payload);
      process.send({ id, result });
    } catch (error) {
      process.send({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  });
  process.send({ ready });
}
