// Polling helpers: the bench waits on things in other processes (streams, a settling relay).

export const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `check()` until it resolves truthy (every `every` ms); rejects after `ms` naming `what`. */
export async function until(check, { ms = 10_000, every = 10, what = 'the condition' } = {}) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await wait(every);
  }
}
