import { describe, expect, it } from "vitest";
import { trackingKey, verifyToken } from "./tracking/tokens";
import {
  listUnsubscribeHeaders,
  UnsubscribeSetupError,
  unsubscribeFooter,
  unsubscribeOrigin,
  unsubscribeUrl,
} from "./unsubscribe";

const key = await trackingKey("a-test-secret-that-is-long-enough-for-hmac");

describe("unsubscribe — RFC 8058 headers", () => {
  it("writes both headers exactly, the https link first", () => {
    expect(listUnsubscribeHeaders("https://app.example.com/u/abc.def", "unsubscribe@example.com")).toEqual({
      "List-Unsubscribe": "<https://app.example.com/u/abc.def>, <mailto:unsubscribe@example.com?subject=unsubscribe>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("writes only the https link when there is no mailto", () => {
    expect(listUnsubscribeHeaders("https://app.example.com/u/abc.def")["List-Unsubscribe"]).toBe(
      "<https://app.example.com/u/abc.def>",
    );
  });
});

describe("unsubscribe — link and origin", () => {
  it("links to /u/ with a token that unsubscribes this message and nothing else", async () => {
    const url = await unsubscribeUrl("https://app.example.com", key, { workspaceId: "ws1", messageId: "m1" });
    const token = url.slice("https://app.example.com/u/".length);
    expect(await verifyToken(key, token, "u")).toEqual({
      ok: true,
      payload: { purpose: "u", workspaceId: "ws1", messageId: "m1" },
    });
    expect(await verifyToken(key, token, "c")).toEqual({ ok: false, reason: "wrong_purpose" });
  });

  it("requires https, except for a locally served app", () => {
    expect(unsubscribeOrigin("https://app.example.com/some/path", { local: false })).toBe("https://app.example.com");
    expect(unsubscribeOrigin("http://localhost:5173", { local: false })).toBe("http://localhost:5173");
    expect(unsubscribeOrigin("http://rowpilot.test", { local: true })).toBe("http://rowpilot.test");
    expect(() => unsubscribeOrigin("http://app.example.com", { local: false })).toThrow(/must be https/);
    expect(() => unsubscribeOrigin("not a url", { local: true })).toThrow(UnsubscribeSetupError);
  });
});

describe("unsubscribe — footer", () => {
  const url = "https://app.example.com/u/abc.def";

  it("shows the sender, the postal address and the link, in text and HTML", () => {
    const footer = unsubscribeFooter({ url, senderName: "Dana & Co", postalAddress: "1 Main St\nAustin, TX 78701" });
    expect(footer.text).toBe(
      `\n\n--\nDana & Co\n1 Main St\nAustin, TX 78701\nDon't want these emails? Unsubscribe: ${url}\n`,
    );
    expect(footer.html).toContain("<p>Dana &amp; Co<br>1 Main St<br>Austin, TX 78701</p>");
    expect(footer.html).toContain(`<a href="${url}">Unsubscribe</a>`);
  });

  it("refuses to write a footer without a postal address", () => {
    expect(() => unsubscribeFooter({ url, senderName: "Dana", postalAddress: " \n " })).toThrow(/postal address/);
  });
});
