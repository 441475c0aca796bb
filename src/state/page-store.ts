import { VERSION } from '../version.js';
import { BlockStore, LIFECYCLE } from './block-store.js';

/** What the first copy of the library on a page leaves on `globalThis` for any later copy. */
interface PageShared {
  readonly version: string;
  readonly store: BlockStore;
  /** Versions of the copies that loaded after the first one. */
  readonly others: string[];
}

const KEY = Symbol.for('chat-block-elements');

/**
 * The page's one store. Two copies of the library (a CDN file and a host bundle,
 * say) must agree on every customer's state, so the first copy's store is kept on
 * a registered symbol and every later copy uses it, with a one-time warning.
 */
export function pageStore(): BlockStore {
  const global = globalThis as { [KEY]?: PageShared };
  const shared = global[KEY];
  if (!shared || typeof shared.store?.[LIFECYCLE]?.begin !== 'function') {
    const store = new BlockStore();
    Object.defineProperty(global, KEY, { value: { version: VERSION, store, others: [] } satisfies PageShared });
    return store;
  }
  shared.others.push(VERSION);
  console.warn(
    `chat-block-elements: a second copy (${VERSION}) loaded on a page that already has ${shared.version}. ` +
      'They share one block store and the first copy\'s tags; load the library once to save the download.',
  );
  return shared.store;
}

/** The store every element uses unless given its own `store`: one per page, shared by every copy of the library. */
export const blockStore: BlockStore = pageStore();
