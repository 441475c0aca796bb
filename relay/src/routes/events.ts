import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ChangeHub, StreamMessage } from '../change-hub.js';
import { error, type Env } from '../http.js';

/** Tells the browser how soon to reconnect a dropped stream (ms). */
const RECONNECT_MS = 2000;

/**
 * `GET /events`: Server-Sent Events of every committed change, `id` = revision. Resumes
 * after `Last-Event-ID` (the browser's own reconnect) or `?after=` (a new EventSource);
 * a `:` comment every `heartbeatMs` keeps proxies from closing a quiet stream.
 */
export function eventRoutes(app: Hono<Env>, hub: () => ChangeHub, heartbeatMs: number, streams: Set<() => void>): void {
  app.get('/events', async (c) => {
    const from = c.req.header('last-event-id') || c.req.query('after') || null;
    const after = from === null ? null : Number(from);
    if (after !== null && !(/^\d+$/.test(from!) && Number.isSafeInteger(after))) {
      return error(c, 400, ['Last-Event-ID and after must be a revision (a whole number)']);
    }
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let end!: () => void;
      const ended = new Promise<void>((resolve) => (end = resolve));
      stream.onAbort(() => end());
      streams.add(end);
      const send = (message: StreamMessage) => {
        const written = message.kind === 'change'
          ? stream.writeSSE({ id: String(message.change.revision), event: 'change', data: JSON.stringify(message.change.state) })
          : stream.writeSSE({ id: String(message.revision), event: message.kind, data: '{}' });
        written.catch(end);
      };
      await stream.write(`retry: ${RECONNECT_MS}\n\n`);
      let unsubscribe = () => {};
      try {
        unsubscribe = await hub().subscribe(after, send);
      } catch {
        // The database is away: end the stream; the browser reconnects and resumes.
        end();
      }
      const beat = setInterval(() => void stream.write(': heartbeat\n\n').catch(end), heartbeatMs);
      await ended;
      clearInterval(beat);
      unsubscribe();
      streams.delete(end);
    });
  });
}
