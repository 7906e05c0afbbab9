import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { type EmailDraft, trackedEmail } from "./tracked-email";
import { trackingKey, verifyToken } from "./tracking/tokens";

const key = await trackingKey("a-test-secret-that-is-long-enough-for-hmac");
const tracker = { appUrl: "https://app.rowpilot.test", local: false, key };
const draft: EmailDraft = {
  workspaceId: "ws1",
  messageId: "msg1",
  from: { email: "dana@example.com", name: "Dana Whitfield" },
  to: "hello@rosas-bakery.example",
  replyTo: null,
  subject: "A website for Rosa's Bakery",
  text: "Hi Rosa,\n\nHere it is: https://rosas-bakery.example/preview?v=2#menu\n\nDana",
  html: null,
  postalAddress: "1 Main St\nAustin, TX 78701",
  unsubscribeMailto: "unsubscribe@example.com",
};

function tags(html: string, tag: string, attribute: string): string[] {
  const found: string[] = [];
  new Parser({
    onopentag: (name, attribs) => name === tag && attribs[attribute] && found.push(attribs[attribute]),
  }).end(html);
  return found;
}

describe("composing a pitch email", () => {
  it("carries the RFC 8058 headers pointing at this message's unsubscribe link", async () => {
    const email = await trackedEmail(draft, tracker);
    const unsubscribe =
      /^<(https:\/\/app\.rowpilot\.test\/u\/([\w-]+\.[\w-]+))>, <mailto:unsubscribe@example\.com\?subject=unsubscribe>$/.exec(
        email.headers["List-Unsubscribe"] ?? "",
      );
    expect(unsubscribe).not.toBeNull();
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(await verifyToken(key, unsubscribe![2]!, "u")).toMatchObject({ ok: true, payload: { messageId: "msg1" } });
    // The same link, untracked, in the visible footer of both versions.
    expect(email.text).toContain(`Unsubscribe: ${unsubscribe![1]}`);
    expect(tags(email.html, "a", "href")).toContain(unsubscribe![1]);
  });

  it("tracks the body's link, shows the postal address and adds one pixel", async () => {
    const email = await trackedEmail(draft, tracker);
    expect(email.text).not.toContain("https://rosas-bakery.example");
    expect(email.text).toContain("1 Main St\nAustin, TX 78701");
    const [link] = tags(email.html, "a", "href");
    const check = await verifyToken(key, link!.slice("https://app.rowpilot.test/t/c/".length), "c");
    expect(check).toMatchObject({ ok: true, payload: { url: "https://rosas-bakery.example/preview?v=2#menu" } });
    expect(email.html).toContain("1 Main St<br>Austin, TX 78701");
    expect(tags(email.html, "img", "src").filter((src) => src.includes("/t/o/"))).toHaveLength(1);
    expect(email.idempotencyKey).toBe("message-msg1");
  });

  it("puts the footer inside the body of the sender's own HTML", async () => {
    const email = await trackedEmail({ ...draft, html: "<html><body><p>Hi Rosa</p></body></html>" }, tracker);
    expect(email.html).toMatch(/^<html><body><p>Hi Rosa<\/p><div style="[^"]+"><p>Dana Whitfield<br>1 Main St/);
    expect(email.html.endsWith('alt=""></body></html>')).toBe(true);
  });

  it("refuses to compose without a postal address or over plain http in production", async () => {
    await expect(trackedEmail({ ...draft, postalAddress: "" }, tracker)).rejects.toThrow(/postal address/);
    await expect(trackedEmail(draft, { ...tracker, appUrl: "http://app.rowpilot.test" })).rejects.toThrow(/https/);
    const local = await trackedEmail(draft, { ...tracker, appUrl: "http://localhost:5173", local: true });
    expect(local.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:5173\/u\//);
  });
});
