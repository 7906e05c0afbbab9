import { describe, expect, it } from "vitest";
import { admitMessage, CHAT_FLOOD, readChatFrame } from "./frames";

describe("Chat frames", () => {
  it("reads a visitor's message and trims it", () => {
    expect(readChatFrame(JSON.stringify({ type: "message", body: "  Hello?  " }))).toEqual({
      ok: true,
      frame: { type: "message", body: "Hello?" },
    });
  });

  it("refuses what is not a message, saying why", () => {
    expect(readChatFrame("{nope")).toEqual({ ok: false, message: "That frame is not JSON" });
    expect(readChatFrame(new ArrayBuffer(4)).ok).toBe(false);
    const long = readChatFrame(JSON.stringify({ type: "message", body: "x".repeat(2001) }));
    expect(long).toEqual({ ok: false, message: "Message not sent: body is over 2000 characters" });
    expect(readChatFrame(JSON.stringify({ type: "message", body: "   " })).ok).toBe(false);
  });
});

describe("Chat flood limit", () => {
  it("admits ten messages a minute and refuses the eleventh until the first leaves the window", () => {
    let recent: number[] = [];
    for (let i = 0; i < CHAT_FLOOD.messages; i++) {
      const check = admitMessage(recent, 1_000 + i);
      expect(check.ok).toBe(true);
      recent = check.recent;
    }
    const refused = admitMessage(recent, 2_000);
    expect(refused.ok).toBe(false);
    expect(admitMessage(recent, 1_000 + CHAT_FLOOD.windowMs).ok).toBe(true);
  });
});
