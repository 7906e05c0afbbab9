import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Inbox, LARGE_UPDATE_BYTES, MAX_HOLD_MS, SHORT_APPLY_MS } from "./inbox";

const LARGE = LARGE_UPDATE_BYTES;
const SMALL = 100;

describe("Inbox", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("applies everything as it comes without a hold-back (scripts, tests)", () => {
    const applied: string[] = [];
    const inbox = new Inbox();
    inbox.push(() => applied.push("a"), LARGE);
    inbox.push(() => applied.push("b"), SMALL);
    expect(applied).toEqual(["a", "b"]);
  });

  it("applies a collaborator's small change at once, even while the person types", () => {
    const applied: string[] = [];
    const inbox = new Inbox(() => 250);
    inbox.push(() => applied.push("keystroke"), SMALL);
    expect(applied).toEqual(["keystroke"]);
  });

  it("holds a block's load while the page is in use, then applies what waits in order, one a task", () => {
    let busyUntil = Date.now() + 300;
    const applied: string[] = [];
    const inbox = new Inbox(() => Math.max(0, busyUntil - Date.now()));
    inbox.push(() => applied.push("block 1"), LARGE);
    inbox.push(() => applied.push("edit"), SMALL); // behind the block, so the doc sees them in order
    inbox.push(() => applied.push("block 2"), LARGE);
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(200);
    busyUntil = Date.now() + 300; // another click: still held
    vi.advanceTimersByTime(250);
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(applied).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(applied).toEqual(["block 1"]);
    expect(inbox.size).toBe(2);
    vi.runAllTimers();
    expect(applied).toEqual(["block 1", "edit", "block 2"]);
  });

  it("stops holding large updates back once they are seen to apply within SHORT_APPLY_MS, not while they are slow", () => {
    for (const [costMs, heldAfterFirst] of [
      [SHORT_APPLY_MS - 30, false],
      [SHORT_APPLY_MS + 30, true],
    ] as const) {
      let clock = 0;
      const applied: string[] = [];
      const inbox = new Inbox(() => 300, { now: () => clock });
      const block = (name: string) => () => {
        clock += costMs;
        applied.push(name);
      };
      inbox.push(block("block 1"), LARGE);
      expect(applied, "unknown cost: held").toEqual([]);
      vi.advanceTimersByTime(MAX_HOLD_MS);
      expect(applied).toEqual(["block 1"]);
      inbox.push(block("block 2"), LARGE);
      vi.advanceTimersByTime(1);
      expect(applied, `${costMs} ms a block`).toEqual(heldAfterFirst ? ["block 1"] : ["block 1", "block 2"]);
    }
  });

  it("keeps holding after a large update that threw, however fast it threw", () => {
    const applied: string[] = [];
    const inbox = new Inbox(() => 300, { now: () => 0 });
    inbox.push(() => {
      throw new Error("a broken observer");
    }, LARGE);
    expect(() => vi.advanceTimersByTime(MAX_HOLD_MS)).toThrow("a broken observer");
    inbox.push(() => applied.push("block"), LARGE);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual([]);
  });

  it("loads anyway after MAX_HOLD_MS of uninterrupted use", () => {
    const applied: string[] = [];
    const inbox = new Inbox(() => 300);
    inbox.push(() => applied.push("block"), LARGE);
    vi.advanceTimersByTime(MAX_HOLD_MS - 10);
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(320);
    expect(applied).toEqual(["block"]);
  });

  it("applies a large update at once when the page is quiet", () => {
    const applied: string[] = [];
    const inbox = new Inbox(() => 0);
    inbox.push(() => applied.push("block"), LARGE);
    expect(applied).toEqual(["block"]);
  });

  it("runs a later update in a task of its own without waiting for quiet, and keeps what follows behind it", () => {
    const applied: string[] = [];
    const inbox = new Inbox(() => 300);
    inbox.push(() => applied.push("replayed block"), LARGE, true);
    inbox.push(() => applied.push("keystroke"), SMALL);
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(applied).toEqual(["replayed block"]);
    // The keystroke came behind it: it waits its turn, not for the person to pause.
    vi.advanceTimersToNextTimer();
    expect(applied).toEqual(["replayed block", "keystroke"]);

    const unhurried: string[] = [];
    const script = new Inbox();
    script.push(() => unhurried.push("replayed"), LARGE, true);
    script.push(() => unhurried.push("next"), SMALL);
    expect(unhurried).toEqual([]);
    vi.runAllTimers();
    expect(unhurried).toEqual(["replayed", "next"]);
  });

  it("goes on with what waits after an update that threw", () => {
    const applied: string[] = [];
    const inbox = new Inbox(() => 0);
    inbox.push(
      () => {
        throw new Error("a broken observer");
      },
      LARGE,
      true,
    );
    inbox.push(() => applied.push("next"), SMALL);
    expect(() => vi.advanceTimersToNextTimer()).toThrow("a broken observer");
    vi.runAllTimers();
    expect(applied).toEqual(["next"]);
  });

  it("drops what waits when cleared", () => {
    const applied: string[] = [];
    const inbox = new Inbox(() => 100);
    inbox.push(() => applied.push("block"), LARGE);
    inbox.clear();
    vi.runAllTimers();
    expect(applied).toEqual([]);
  });
});

describe("inputHoldBack", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    // The page: an event target standing in for the window the hold-back listens on.
    vi.stubGlobal("window", new EventTarget());
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("holds loading back for QUIET_MS after a key, except while the person waits for it", async () => {
    const { inputHoldBack, waitingForLoad, QUIET_MS, WAITING_MS } = await import("./inbox");
    expect(inputHoldBack()).toBe(0);
    window.dispatchEvent(new Event("keydown"));
    expect(inputHoldBack()).toBe(QUIET_MS);
    vi.advanceTimersByTime(QUIET_MS);
    expect(inputHoldBack()).toBe(0);

    // An edit refused while rows load: the keys that follow no longer put loading off…
    waitingForLoad();
    window.dispatchEvent(new Event("keydown"));
    expect(inputHoldBack()).toBe(0);
    // …until WAITING_MS have passed.
    vi.advanceTimersByTime(WAITING_MS);
    window.dispatchEvent(new Event("keydown"));
    expect(inputHoldBack()).toBe(QUIET_MS);
  });
});
