import { afterEach, describe, expect, it, vi } from "vitest";
import { startCronTicker } from "./ticker";

const ORIGIN = "http://localhost:8795";
const MINUTE_MS = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

/** A ticker on fake time from `start`, with a fetch that records what it was asked. */
function ticking(
  start: string,
  answer: (url: URL) => Promise<Response> = async () => Response.json({ outcome: "ok" }),
) {
  vi.useFakeTimers({ now: new Date(start) });
  const fired: { cron: string | null; time: string | null }[] = [];
  const errors: string[] = [];
  const fetch = vi.fn(async (input: string | URL | Request) => {
    const url = new URL(String(input));
    expect(url.origin + url.pathname).toBe(`${ORIGIN}/cdn-cgi/local/scheduled`);
    fired.push({ cron: url.searchParams.get("cron"), time: url.searchParams.get("time") });
    return answer(url);
  });
  const ticker = startCronTicker({
    origin: ORIGIN,
    crons: ["* * * * *", "0 3 * * *"],
    fetch: fetch as typeof globalThis.fetch,
    onError: (message) => errors.push(message),
  });
  return { ticker, fired, errors };
}

describe("local cron — the ticker", () => {
  it("fires each cron through the scheduled route at its due minute, with that minute as its time", async () => {
    const { ticker, fired } = ticking("2026-12-01T02:58:30Z");
    await vi.advanceTimersByTimeAsync(29_000);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    const at = (iso: string) => String(Date.parse(iso));
    expect(fired).toEqual([
      { cron: "* * * * *", time: at("2026-12-01T02:59:00Z") },
      { cron: "* * * * *", time: at("2026-12-01T03:00:00Z") },
      { cron: "0 3 * * *", time: at("2026-12-01T03:00:00Z") },
    ]);
    ticker.stop();
    await vi.advanceTimersByTimeAsync(5 * MINUTE_MS);
    expect(fired).toHaveLength(3);
  });

  it("reports a failed tick and goes on ticking", async () => {
    let calls = 0;
    const { ticker, fired, errors } = ticking("2026-12-01T10:04:50Z", async () => {
      calls++;
      if (calls === 1) throw new TypeError("fetch failed");
      if (calls === 2) return Response.json({ outcome: "exception", noRetry: false }, { status: 500 });
      return Response.json({ outcome: "ok" });
    });
    await vi.advanceTimersByTimeAsync(3 * MINUTE_MS);
    ticker.stop();
    expect(fired.map((f) => f.time)).toHaveLength(3);
    expect(errors).toEqual([
      `Cron "* * * * *" due 2026-12-01T10:05:00.000Z: ${ORIGIN} was not reached (fetch failed)`,
      expect.stringMatching(
        /^Cron "\* \* \* \* \*" due 2026-12-01T10:06:00.000Z: the Worker's scheduled handler failed \(HTTP 500 .*"exception"/,
      ),
    ]);
  });
});
