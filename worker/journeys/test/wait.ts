/** Polling for what a journey does in the background, with a deadline and a message. */

/** How long a test waits for a journey to get somewhere before failing. */
const WAIT_MS = 15_000;

/** `check`'s first truthy answer, or an error naming `what` after WAIT_MS. */
export async function eventually<T>(what: string, check: () => Promise<T | null | undefined | false>): Promise<T> {
  const until = Date.now() + WAIT_MS;
  while (Date.now() < until) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not after ${WAIT_MS} ms`);
}
