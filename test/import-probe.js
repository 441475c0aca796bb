// A module with nothing in it, for refetchesFailedImports() in test/lazy-helpers.ts: the test
// server refuses it once, then the page imports it again.
export const probed = true;
