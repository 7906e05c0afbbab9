import { describe, expect, it } from "vitest";
import { memorySeenEvents, REPLAY_MEMORY_MS, skipReplays } from "./replay-guard";

const event = (eventId: string) => ({ eventId, type: "opened" });

describe("Webhook replay guard", () => {
  it("lets an event through once and skips it when the provider sends it again", async () => {
    const seen = memorySeenEvents(() => 0);
    expect(await skipReplays([event("a"), event("b")], seen, 0)).toEqual([event("a"), event("b")]);
    expect(await skipReplays([event("b"), event("c")], seen, 1000)).toEqual([event("c")]);
  });

  it("drops a repeat inside one batch", async () => {
    expect(
      await skipReplays(
        [event("a"), event("a")],
        memorySeenEvents(() => 0),
        0,
      ),
    ).toEqual([event("a")]);
  });

  it("forgets an id after the replay window, so memory does not grow for ever", async () => {
    let now = 0;
    const seen = memorySeenEvents(() => now);
    await skipReplays([event("a")], seen, now);
    now = REPLAY_MEMORY_MS - 1;
    expect(await skipReplays([event("a")], seen, now)).toEqual([]);
    now = REPLAY_MEMORY_MS + 1;
    expect(await seen.has("a")).toBe(false);
  });
});
