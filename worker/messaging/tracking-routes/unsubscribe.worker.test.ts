import { describe, expect, it } from "vitest";
import { SENDER } from "../../test/messaging";
import { sentToRose, tampered } from "../../test/tracking";

const ONE_CLICK = "List-Unsubscribe=One-Click";

describe("the unsubscribe link", { timeout: 30_000 }, () => {
  it("shows a confirmation page naming the sender on GET, and changes nothing", async () => {
    const t = await sentToRose();
    const path = `/u/${await t.token("u")}`;
    // Twice, as a link scanner and then the person would fetch it.
    for (let i = 0; i < 2; i++) {
      const res = await t.hit(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store, private");
      const html = await res.text();
      expect(html).toContain(`<h1>Unsubscribe from ${SENDER.fromName}?</h1>`);
      expect(html).toMatch(/<form method="post">.*<button type="submit">Unsubscribe<\/button><\/form>/);
    }
    expect(await t.suppressions()).toEqual([]);
    expect(await t.events()).toEqual([]);
    expect(await t.read(t.id)).toMatchObject({ status: "sent" });
  });

  it("suppresses the address on a one-click POST with no cookie or Origin; a second POST answers 200 and adds nothing", async () => {
    const t = await sentToRose();
    const path = `/u/${await t.token("u")}`;
    const first = await t.hit(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: ONE_CLICK,
    });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("<h1>You are unsubscribed</h1>");
    // A mail provider's multipart post, from a foreign origin, with someone's session cookie along.
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    const again = await t.hit(path, {
      method: "POST",
      headers: { origin: "https://mail.example", cookie: t.owner.cookie! },
      body: form,
    });
    expect(again.status).toBe(200);
    expect(await t.suppressions()).toEqual([["rose@bakery.example", "unsubscribed"]]);
    expect(await t.read(t.id)).toMatchObject({ status: "unsubscribed" });
    expect(await (await t.hit(path)).text()).toContain("<h1>You are already unsubscribed</h1>");

    const next = await t.draft(t.rose);
    await t.api("POST", `/messages/${next.id}/send`);
    expect(await t.settled(next.id)).toMatchObject({ status: "suppressed" });
    expect((await t.outbox()).map((m) => m.id)).not.toContain(next.id);
  });

  it("answers tampered, wrong-purpose and malformed links with a 400 page, on GET and POST, changing nothing", async () => {
    const t = await sentToRose();
    const tokens = [
      tampered(await t.token("u")),
      await t.token("o"),
      await t.token("c", "https://roses-bakery.example/"),
      "not-a-token",
    ];
    for (const token of tokens) {
      for (const method of ["GET", "POST"]) {
        const res = await t.hit(`/u/${token}`, { method, body: method === "POST" ? ONE_CLICK : undefined });
        expect(res.status, `${method} ${token}`).toBe(400);
        expect(await res.text()).toContain("This link does not work");
      }
    }
    expect(await t.suppressions()).toEqual([]);
    expect(await t.read(t.id)).toMatchObject({ status: "sent" });
  });

  it("says so when the message the link came with has been deleted", async () => {
    const t = await sentToRose();
    await t.messaging.messages.room.deleteRow(t.id, { kind: "automation", job: "test" });
    const res = await t.hit(`/u/${await t.token("u")}`, { method: "POST", body: ONE_CLICK });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("This email is no longer on file");
    expect(await t.suppressions()).toEqual([]);
  });
});
