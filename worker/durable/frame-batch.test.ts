import { describe, expect, it } from "vitest";
import { FrameBatch } from "./frame-batch";

const frame = (n: number) => new Uint8Array([n]).buffer;
const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("FrameBatch", () => {
  it("handles every frame queued in one later turn, in arrival order", async () => {
    const handled: string[] = [];
    const batch = new FrameBatch<{ id: string }>((s, d) => handled.push(`${s.id}:${new Uint8Array(d)[0]}`));
    const a = { id: "a" };
    const b = { id: "b" };
    batch.push(a, frame(1));
    batch.push(b, frame(2));
    batch.push(a, frame(3));
    expect(handled).toEqual([]);
    await turn();
    expect(handled).toEqual(["a:1", "b:2", "a:3"]);
    batch.push(b, frame(4));
    await turn();
    expect(handled).toEqual(["a:1", "b:2", "a:3", "b:4"]);
  });

  it("drops what a socket closed meanwhile had sent", async () => {
    const handled: string[] = [];
    const batch = new FrameBatch<{ id: string }>((s) => handled.push(s.id));
    const gone = { id: "gone" };
    batch.push(gone, frame(1));
    batch.push({ id: "kept" }, frame(2));
    batch.closedSocket(gone);
    await turn();
    expect(handled).toEqual(["kept"]);
  });
});
