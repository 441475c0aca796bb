import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { phoneProblem } from './validate.js';

/**
 * A stand-in for the reference chat API, for tests, the demo and trying the relay out:
 * `POST /customer/block|unblock {phone}` with `Authorization: <key>`, answering as the real
 * one does (`201 {}`, 400, 401, 404). Like a real server it commits a change when the request
 * arrives: a slow answer, a reset or a hang afterwards does not undo it. Listens on 127.0.0.1.
 */
export type MockFault =
  /** Answers at once. */
  | 'none'
  /** 500 without applying (a crashed handler). */
  | 'down'
  /** Applies, then resets the connection (the answer is lost). */
  | 'reset'
  /** Applies, then never answers. */
  | 'hang'
  /** 400 in the reference API's words, nothing applied. */
  | 'refuse'
  /** 401, as for a wrong key, nothing applied. */
  | 'unauthorized'
  /** 403, as for a key without the right, nothing applied. */
  | 'forbidden';

export interface MockControls {
  fault: MockFault;
  /** Applies, then waits this long before answering (ms). */
  latencyMs: number;
  /** Phones that get `fault` (all phones when empty). */
  faultPhones: string[];
  /** When set, phones not in it answer 404 Invalid Customer. */
  knownPhones: string[] | null;
}

export interface ReferenceMock {
  readonly url: string;
  /** Every customer's blocked state as the mock API holds it. */
  readonly blocked: Map<string, boolean>;
  /** How many requests arrived, per `action phone` ("block +14155550132"). */
  readonly calls: Map<string, number>;
  /** Every request as it arrived: path, Authorization, Content-Type and body text. */
  readonly requests: { path: string; authorization: string | null; contentType: string | null; body: string }[];
  controls: MockControls;
  set(patch: Partial<MockControls>): void;
  /** Forgets state, calls and faults. */
  reset(): void;
  close(): Promise<void>;
}

export async function startReferenceMock({ apiKey, port = 0 }: { apiKey: string; port?: number }): Promise<ReferenceMock> {
  const initial = (): MockControls => ({ fault: 'none', latencyMs: 0, faultPhones: [], knownPhones: null });
  const hung = new Set<ServerResponse>();
  const mock = {
    url: '',
    blocked: new Map<string, boolean>(),
    calls: new Map<string, number>(),
    requests: [] as ReferenceMock['requests'],
    controls: initial(),
    set(patch: Partial<MockControls>) {
      mock.controls = { ...mock.controls, ...patch };
    },
    reset() {
      mock.blocked.clear();
      mock.calls.clear();
      mock.requests.length = 0;
      mock.controls = initial();
      for (const res of hung) res.destroy();
      hung.clear();
    },
    close: async () => {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const match = req.method === 'POST' && /^\/customer\/(block|unblock)$/.exec(req.url ?? '');
    let text = '';
    for await (const chunk of req) text += chunk;
    mock.requests.push({ path: req.url ?? '', authorization: req.headers.authorization ?? null, contentType: req.headers['content-type'] ?? null, body: text });
    if (!match) return answer(res, 404, { statusCode: 404, message: `Cannot ${req.method} ${req.url}` });
    if (req.headers.authorization !== apiKey) return answer(res, 401, { statusCode: 401, message: 'Unauthorized' });
    let phone: unknown;
    try {
      phone = (JSON.parse(text) as { phone?: unknown }).phone;
    } catch {
      phone = undefined;
    }
    const problem = phoneProblem(phone);
    if (problem) return answer(res, 400, { statusCode: 400, message: [problem] });
    const action = match[1];
    const name = `${action} ${phone as string}`;
    mock.calls.set(name, (mock.calls.get(name) ?? 0) + 1);
    const { fault, latencyMs, faultPhones, knownPhones } = mock.controls;
    if (knownPhones && !knownPhones.includes(phone as string)) return answer(res, 404, { statusCode: 404, message: 'Invalid Customer' });
    const faulty = fault !== 'none' && (faultPhones.length === 0 || faultPhones.includes(phone as string));
    if (faulty && fault === 'down') return answer(res, 500, { statusCode: 500, message: 'Internal server error' });
    if (faulty && fault === 'refuse') return answer(res, 400, { statusCode: 400, message: ['customer cannot be changed right now'] });
    if (faulty && fault === 'unauthorized') return answer(res, 401, { statusCode: 401, message: 'Unauthorized' });
    if (faulty && fault === 'forbidden') return answer(res, 403, { statusCode: 403, message: 'Forbidden resource' });
    // Committed on arrival, whatever happens to the answer.
    mock.blocked.set(phone as string, action === 'block');
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (faulty && fault === 'reset') return void res.socket?.destroy();
    if (faulty && fault === 'hang') {
      hung.add(res);
      res.on('close', () => hung.delete(res));
      return;
    }
    answer(res, 201, {});
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => answer(res, 500, { statusCode: 500, message: 'Internal server error' }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  mock.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return mock;
}
