import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { startDemoBackend, type DemoBackend } from './demo-backend.js';

/**
 * Serves the demo's server side (demo-backend.ts: the customers, chat-block-relay, the mock
 * chat API) from Vite's dev server, and stops it with the server. Its data lives in
 * `CHAT_BLOCK_DEMO_DATA`, by default `.demo-data/` at the repository's root (ignored by git).
 */
export function demoBackendPlugin(): Plugin {
  let backend: DemoBackend | undefined;
  return {
    name: 'chat-block-demo-backend',
    apply: 'serve',
    async configureServer(server) {
      const dataDir = process.env.CHAT_BLOCK_DEMO_DATA ?? resolve(server.config.root, '..', '.demo-data');
      const started = await startDemoBackend({ dataDir });
      backend = started;
      server.middlewares.use((req, res, next) => {
        started.handle(req, res).then((handled) => handled || next(), next);
      });
      server.httpServer?.once('close', () => void started.close());
    },
    // Vite awaits this when the dev server closes: the database is shut before anything reopens it.
    async closeBundle() {
      await backend?.close();
    },
  };
}
