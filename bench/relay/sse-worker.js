// Many EventSource-like readers of GET /events in one process (raw http.request streams, one
// socket each), noting when each change's id reaches each of them. The bench asks afterwards
// how many readers got an id, and when the first and the last did.
import http from 'node:http';
import { serveBench } from './ipc.js';
import { wallNow } from './stats.js';

const readers = [];
/** id → { count, first, last } over every reader (wall-clock ms). */
const arrivals = new Map();
/** Changes that came to a reader at or below an id it already had: a duplicate or out of order. */
let disorder = 0;

function note(reader, id, at) {
  if (id <= reader.last) disorder++;
  reader.last = Math.max(reader.last, id);
  const seen = arrivals.get(id);
  if (seen) {
    seen.count++;
    seen.first = Math.min(seen.first, at);
    seen.last = Math.max(seen.last, at);
  } else arrivals.set(id, { count: 1, first: at, last: at });
}

/** Opens one stream; resolves once its `ready` event came. */
function openReader(url, cookie) {
  return new Promise((resolve, reject) => {
    const reader = { last: 0, ready: false, ended: false, req: null };
    const req = http.request(`${url}/events`, { agent: false, headers: { Cookie: cookie, Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`GET /events answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        const at = wallNow();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: ?(\d+)$/m.exec(block)?.[1];
          const event = /^event: ?(\w+)$/m.exec(block)?.[1];
          if (event === 'change') note(reader, Number(id), at);
          else if (event === 'ready' && !reader.ready) {
            reader.ready = true;
            reader.last = Number(id);
            resolve(reader);
          }
        }
      });
      res.on('end', () => (reader.ended = true));
      res.on('error', () => (reader.ended = true));
    });
    req.on('error', (error) => (reader.ready ? (reader.ended = true) : reject(error)));
    req.end();
    reader.req = req;
    readers.push(reader);
  });
}

serveBench(
  {
    /** Opens `count` streams spread evenly over `urls` (50 at a time); resolves once all are ready. */
    async open({ urls, count, cookie }) {
      for (let i = 0; i < count; i += 50) {
        await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => openReader(urls[(i + k) % urls.length], cookie)));
      }
      return readers.length;
    },
    /** `[id, readers that got it, first, last]` for every id in (from, to], and the health of the streams. */
    received({ from, to = Infinity }) {
      const ids = [...arrivals].filter(([id]) => id > from && id <= to).sort((a, b) => a[0] - b[0]);
      return { ids: ids.map(([id, s]) => [id, s.count, s.first, s.last]), disorder, ended: readers.filter((r) => r.ended).length };
    },
  },
  {
    ready: {},
    close: () => {
      for (const r of readers) r.req.destroy();
    },
  },
);
