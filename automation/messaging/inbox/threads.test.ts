import { describe, expect, it } from "vitest";
import type { InboxMessage } from "../../../schema/inbox-api";
import { inOrder, threadsOf } from "./threads";

let n = 0;
function message(over: Partial<InboxMessage>): InboxMessage {
  n += 1;
  return {
    id: `m${n}`,
    status: "sent",
    channel: "email",
    direction: "out",
    from: "ana@rowpilot.example",
    to: "rose@bakery.example",
    subject: "",
    body: `body ${n}`,
    recipientTable: "",
    recipientRowId: "",
    provider: null,
    providerMessageId: null,
    scheduledFor: null,
    sentAt: null,
    firstOpenedAt: null,
    opens: 0,
    clicks: 0,
    error: null,
    read: false,
    threadId: null,
    ...over,
  };
}

describe("Inbox threads", () => {
  it("groups by counterpart across channels, newest thread first, counting unread inbound messages", () => {
    const threads = threadsOf([
      message({ to: "Rose@Bakery.example", sentAt: "2026-12-01T10:00:00Z" }),
      message({ direction: "in", from: "rose@bakery.example", to: "ana@x", sentAt: "2026-12-01T11:00:00Z" }),
      message({ direction: "in", from: "rose@bakery.example", read: true, sentAt: "2026-12-01T12:00:00Z" }),
      message({ channel: "chat", direction: "in", from: "visitor:abcdefgh", sentAt: "2026-12-02T09:00:00Z" }),
      message({ to: "nobody@answered.example", sentAt: "2026-12-03T09:00:00Z" }),
      message({ status: "draft", to: "rose@bakery.example" }),
    ]);
    expect(threads.map((t) => [t.counterpart, t.messages, t.unread])).toEqual([
      ["visitor:abcdefgh", 1, 1],
      ["rose@bakery.example", 3, 1],
    ]);
    expect(threads[1]!.lastDirection).toBe("in");
  });

  it("puts a reply not sent yet after the messages that were", () => {
    const queued = message({ status: "queued" });
    const earlier = message({ direction: "in", sentAt: "2026-12-01T11:00:00Z" });
    expect(inOrder([queued, earlier]).map((m) => m.id)).toEqual([earlier.id, queued.id]);
  });
});
