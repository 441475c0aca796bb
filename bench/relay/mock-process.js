// The relay's mock chat API (answering at once) in a process of its own, as a real chat API
// would be: its work does not run on the relay's event loop or the load generator's.
import { startReferenceMock } from 'chat-block-relay/reference-mock';
import { API_KEY } from './config.js';
import { serveBench } from './ipc.js';

const mock = await startReferenceMock({ apiKey: API_KEY });

serveBench(
  {
    /** What the chat API holds for each of `phones` (true: blocked), to check the relay against. */
    blocked: (phones) => phones.map((phone) => mock.blocked.get(phone) ?? null),
  },
  { ready: { url: mock.url }, close: () => mock.close() },
);
