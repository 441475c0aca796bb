import { lazyModule } from '../internal/lazy.js';

/**
 * Where `blockStore.follow()` hears changes made elsewhere (other agents, other devices,
 * the server's own clock): an `EventSource`, the URL of one, or any feed with `subscribe`.
 */

/** Any source of changes: `subscribe(fn)` calls `fn` with each change and returns the unsubscribe. */
export interface ChangeFeed {
  subscribe(fn: (change: unknown) => void): () => void;
}

export type FollowSource = string | URL | EventSource | ChangeFeed;

export interface FollowOptions {
  /** For a URL on another origin: send its cookies (`new EventSource(url, { withCredentials })`). */
  withCredentials?: boolean;
  /**
   * For a URL: open the stream in one tab of this origin only, and let the others hear its
   * changes through `syncAcrossTabs()` (which every tab must call). A browser allows six
   * connections per origin over HTTP/1.1, across all tabs. The tab that holds the stream is
   * chosen with the Web Locks API (where there is none, every tab opens its own); when it
   * closes, another takes over and resumes after the newest revision it has heard.
   */
  shareAcrossTabs?: boolean;
}

/** What a feed delivers to the store. */
export interface FeedSink {
  /** One change: a customer's whole state after it (`{ phone | id, blocked, …, revision }`). */
  change(data: unknown): void;
  /** Changes may have been missed (a reconnect the server could not resume): read again what is shown. */
  resync(): void;
  /** The newest revision this page has heard, from any source: where a stream taken over resumes. */
  newest(): number | null;
}

// The streams (an EventSource, its URL) are read by follow-stream.ts, loaded on the first
// follow() that needs one: a page that never follows a stream never loads it. A feed with
// subscribe() is followed here at once, so its changes apply as they are delivered.
const streams = lazyModule(() => import('./follow-stream.js'));
/** @internal The events of a stream that follow() handles (held until follow-stream.ts is here). */
export const STREAM_EVENTS = ['change', 'message', 'ready', 'reset', 'open', 'error'];

/** Starts delivering `source`'s changes to `sink`; returns the function that stops it. */
export function openFeed(source: FollowSource, sink: FeedSink, options: FollowOptions = {}): () => void {
  if (typeof source === 'string' || source instanceof URL) {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const url = String(source);
    if (options.shareAcrossTabs && locks) return whenLoaded((m) => m.followShared(locks, url, sink, options));
    if (typeof EventSource === 'undefined') {
      throw new TypeError('chat-block-elements: blockStore.follow(url) needs EventSource (a browser); pass { subscribe(fn) } elsewhere.');
    }
    return whenLoaded((m) => m.followUrl(url, sink, options, ''));
  }
  if (typeof EventSource !== 'undefined' && source instanceof EventSource) return followGiven(source, sink);
  if (typeof (source as ChangeFeed | null)?.subscribe === 'function') return followFeed(source as ChangeFeed, sink);
  throw new TypeError(
    'chat-block-elements: blockStore.follow() needs an EventSource, the URL of one, or { subscribe(fn) } returning an unsubscribe function.',
  );
}

function followFeed(feed: ChangeFeed, sink: FeedSink): () => void {
  const unsubscribe = feed.subscribe((change) => {
    if ((change as { type?: unknown } | null)?.type === 'reset') sink.resync();
    else sink.change(change);
  });
  if (typeof unsubscribe !== 'function') {
    throw new TypeError('chat-block-elements: blockStore.follow(): subscribe(fn) must return the unsubscribe function.');
  }
  return unsubscribe;
}

/**
 * Calls `start` once follow-stream.ts is here. The stop it returns works before that too: then
 * nothing is ever opened. `release` runs when the module is here (just before `start`) or on
 * a stop before that, whichever comes first.
 */
function whenLoaded(start: (module: typeof import('./follow-stream.js')) => () => void, release = () => {}): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  streams.load().then(
    (module) => {
      release();
      if (!stopped) stop = start(module);
    },
    (error) => console.error('chat-block-elements: blockStore.follow() could not load its stream reader.', error),
  );
  return () => {
    stopped = true;
    release();
    stop?.();
  };
}

/** A host's EventSource: what it fires before follow-stream.ts is here is held and handed over, none lost. */
function followGiven(events: EventSource, sink: FeedSink): () => void {
  const held: Event[] = [];
  const hold = (event: Event) => held.push(event);
  for (const type of STREAM_EVENTS) events.addEventListener(type, hold);
  const release = () => STREAM_EVENTS.forEach((type) => events.removeEventListener(type, hold));
  return whenLoaded((m) => m.followEventSource(events, sink, false, undefined, held), release);
}
