// Runs the CLI as a child process (as `npx chat-block-relay` would) and waits for it to listen.
import { execFile, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const started = new Set();

/** Runs the CLI to the end (for --help and bad flags); resolves with { status, stdout, stderr }. */
export function runCli(args, env = {}) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 15_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: error ? error.code : 0, stdout, stderr });
    });
  });
}

/**
 * Starts the CLI on 127.0.0.1 with a free port; resolves once it listens with
 * { url, child, output(), kill(signal), exited }. Every one started is killed when the test process exits.
 */
export function startCli(args, env = {}) {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    started.delete(child);
    resolve({ code, signal });
  }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the relay did not start within 60 s:\n${out}`)), 60_000);
    const look = () => {
      const match = /listening on (http:\/\/[\d.]+:\d+\S*)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      resolve({
        url: match[1],
        child,
        output: () => out,
        exited,
        /** Sends `signal` and waits for the process to end. */
        async kill(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', look);
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`the relay exited (${code}) before listening:\n${out}`));
    });
  });
}

process.on('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});
