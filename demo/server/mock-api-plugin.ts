import type { Plugin } from 'vite';
import { createMockApi } from './mock-api.js';

export { createMockApi, DEMO_API_KEY, type FailureMode, type MockApi, type MockControl } from './mock-api.js';

/** Serves the mock reference API under `/api` from Vite's dev server (the demo's "backend"). */
export function mockApiPlugin(): Plugin {
  return {
    name: 'chat-block-mock-api',
    apply: 'serve',
    configureServer(server) {
      const api = createMockApi();
      server.middlewares.use((req, res, next) => {
        api.handle(req, res).then((handled) => handled || next(), next);
      });
    },
  };
}
