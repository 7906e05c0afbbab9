import { describe, expect, it } from "vitest";
import { FrameBatch } from "./frame-batch";

const frame = (n: number) => new Uint8Array([n]).buffer;

/** A commit the test finishes by hand. */
function commits() {
  const pending: (() => void)[] = [];
  return {
    committed: () => new Promise<void>((resolve) => pending.push(resolve)),
    async finish() {
      pending.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    get inFlight() {
      return pending.length;
    },
  };
}

describe("FrameBatch — group commit", () => {
  it("handles a frame at once when no commit is in flight, and those arriving meanwhile together after it", async () => {
    const handled: number[] = [];
    const c = commits();
    const batch = new FrameBatch<object>((_, d) => handled.push(new Uint8Array(d)[0]!), c.committed);
    const socket = {};
    batch.push(socket, frame(1));
    expect(handled).toEqual([1]);
    batch.push(socket, frame(2));
    batch.push(socket, frame(3));
    expect(handled).toEqual([1]);
    expect(c.inFlight).toBe(1);
    await c.finish();
    expect(handled).toEqual([1, 2, 3]);
    // The two shared one commit.
    expect(c.inFlight).toBe(1);
    await c.finish();
    batch.push(socket, frame(4));
    expect(handled).toEqual([1, 2, 3, 4]);
  });

  it("drops what a socket closed meanwhile had sent", async () => {
    const handled: string[] = [];
    const c = commits();
    const batch = new FrameBatch<{ id: string }>((s) => handled.push(s.id), c.committed);
    const gone = { id: "gone" };
    batch.push({ id: "first" }, frame(0));
    batch.push(gone, frame(1));
    batch.push({ id: "kept" }, frame(2));
    batch.closedSocket(gone);
    await c.finish();
    expect(handled).toEqual(["first", "kept"]);
  });
});
