import { describe, expect, it } from "vitest";
import { bestChannel, channelScores, formatChannelScores } from "./channel";

const ALL = ["email", "sms", "chat"] as const;

describe("channel scores", () => {
  it("adds 1 per open, 3 per click and 10 per reply on the event's channel", () => {
    const scores = channelScores([
      { channel: "email", type: "opened" },
      { channel: "email", type: "clicked" },
      { channel: "sms", type: "opened" },
      { channel: "chat", type: "replied" },
      { channel: "email", type: "delivered" },
      { channel: null, type: "visited" },
      { channel: "fax", type: "replied" },
    ]);
    expect(scores).toEqual({ email: 4, sms: 1, chat: 10 });
    expect(formatChannelScores(scores)).toBe("email 4 · sms 1 · chat 10");
  });

  it("marks a channel the lead unsubscribed from or that bounced at −10, however engaged it was", () => {
    const scores = channelScores([
      { channel: "email", type: "replied" },
      { channel: "email", type: "unsubscribed" },
      { channel: "sms", type: "bounced" },
      { channel: "sms", type: "clicked" },
    ]);
    expect(scores).toEqual({ email: -10, sms: -10, chat: 0 });
  });

  it("formats missing channels as 0", () => {
    expect(formatChannelScores({ sms: 3 })).toBe("email 0 · sms 3 · chat 0");
  });
});

describe("best channel", () => {
  it("keeps a stated preference when that channel is available, whatever the scores", () => {
    expect(bestChannel("sms", { email: 20, sms: 0 }, [...ALL])).toBe("sms");
    expect(bestChannel("SMS", { email: 20 }, [...ALL])).toBe("sms");
    expect(bestChannel("chat", { email: 20, sms: 5 }, ["email", "sms"])).toBe("email");
  });

  it("on auto picks the highest score among available channels, ties by email, SMS, chat", () => {
    expect(bestChannel("auto", { email: 1, sms: 4, chat: 4 }, [...ALL])).toBe("sms");
    expect(bestChannel(null, { email: 0, sms: 0, chat: 0 }, [...ALL])).toBe("email");
    expect(bestChannel("", { email: 2, sms: 2 }, ["chat", "sms"])).toBe("sms");
    expect(bestChannel("auto", { chat: 9 }, ["email", "sms"])).toBe("email");
  });

  it("never picks a channel the lead unsubscribed from or that bounced, even preferred", () => {
    const scores = channelScores([{ channel: "email", type: "unsubscribed" }]);
    expect(bestChannel("email", scores, [...ALL])).toBe("sms");
    expect(bestChannel("auto", scores, ["email"])).toBeNull();
    expect(bestChannel("auto", {}, [])).toBeNull();
  });
});
