export { createRelay, type Relay, type RelayOptions } from './relay.js';
export { cookieAuth, AGENT_COOKIE, type CookieAuth, type CookieAuthOptions } from './cookie-auth.js';
export { openDatabase, type Database, type Queryable } from './db/database.js';
export { migrate, MIGRATIONS } from './db/migrations.js';
export type { UpstreamOptions } from './upstream.js';
export type { RetryOptions } from './backoff.js';
export type { SeedEntry } from './seed.js';
export type { Agent, Action, CustomerState } from './types.js';
