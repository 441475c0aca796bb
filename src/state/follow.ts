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

/** @internal The events of a stream that follow() handles (held until the stream reader is here). */
export const STREAM_EVENTS = ['change', 'message', 'ready', 'reset', 'open', 'error'];

/**
 * What `follow()` does at the call, before the store's sync half (which reads streams) is
 * here: checks `source`, so a wrong one is a TypeError now, not a console error a fetch
 * later; subscribes to a feed at once (its changes go to `sink` as delivered); and holds what
 * a host's `EventSource` fires meanwhile, none lost. `held` is null for a feed (the sync
 * half has no stream to read); `stop` undoes what was started here.
 */
export function startFollowing(source: FollowSource, sink: FeedSink): { held: Event[] | null; stop(): void } {
  if (typeof source === 'string' || source instanceof URL) {
    // Shared across tabs or not, the tab holding the stream opens an EventSource.
    if (typeof EventSource === 'undefined') {
      throw new TypeError('chat-block-elements: blockStore.follow(url) needs EventSource (a browser); pass { subscribe(fn) } elsewhere.');
    }
    return { held: [], stop() {} };
  }
  if (typeof EventSource !== 'undefined' && source instanceof EventSource) {
    const held: Event[] = [];
    const hold = (event: Event) => held.push(event);
    for (const type of STREAM_EVENTS) source.addEventListener(type, hold);
    return { held, stop: () => STREAM_EVENTS.forEach((type) => source.removeEventListener(type, hold)) };
  }
  if (typeof (source as ChangeFeed | null)?.subscribe !== 'function') {
    throw new TypeError(
      'chat-block-elements: blockStore.follow() needs an EventSource, the URL of one, or { subscribe(fn) } returning an unsubscribe function.',
    );
  }
  const stop = (source as ChangeFeed).subscribe((change) => {
    if ((change as { type?: unknown } | null)?.type === 'reset') sink.resync();
    else sink.change(change);
  });
  if (typeof stop !== 'function') {
    throw new TypeError('chat-block-elements: blockStore.follow(): subscribe(fn) must return the unsubscribe function.');
  }
  return { held: null, stop };
}
