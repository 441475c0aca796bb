// The whole library: every export (elements, store, events, backend helpers)
// plus the tag registrations.
export * from '../../src/index.ts';
import '../../src/define.ts';
