import type { Hono } from 'hono';
import type { Database } from '../db/database.js';
import { error, json, type Env } from '../http.js';
import { listBlocked, readCursor } from '../list.js';
import { readState } from '../state.js';
import { phoneProblem } from '../validate.js';

/** `GET /customer/status` (one customer's state) and `GET /customers/blocked` (the list, paged). */
export function readRoutes(app: Hono<Env>, db: Database): void {
  app.get('/customer/status', async (c) => {
    const phone = c.req.query('phone');
    const problem = phoneProblem(phone);
    if (problem) return error(c, 400, [problem]);
    return json(c, 200, await readState(db, phone!));
  });

  app.get('/customers/blocked', async (c) => {
    const problems: string[] = [];
    const limitText = c.req.query('limit') ?? '50';
    const limit = /^\d+$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= 200)) problems.push('limit must be a whole number from 1 to 200');
    const cursor = readCursor(c.req.query('cursor') || null);
    if (cursor instanceof Error) problems.push(cursor.message);
    const q = c.req.query('q') ?? '';
    if (q.length > 100) problems.push('q must be at most 100 characters');
    if (problems.length) return error(c, 400, problems);
    return json(c, 200, await listBlocked(db, { q, limit, cursor: cursor as Exclude<typeof cursor, Error> }));
  });
}
