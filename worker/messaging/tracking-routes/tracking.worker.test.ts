import { describe, expect, it } from "vitest";
import { DESKTOP_CHROME, sentToRose, tampered } from "../../test/tracking";

const GIF_HEADER = "GIF89a";

async function isPixel(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    cache: res.headers.get("cache-control"),
    header: String.fromCharCode(...bytes.slice(0, 6)),
    // Logical screen width and height, little-endian, right after the header.
    size: [bytes[6]! | (bytes[7]! << 8), bytes[8]! | (bytes[9]! << 8)],
  };
}

const PIXEL = { status: 200, type: "image/gif", cache: "no-store, private", header: GIF_HEADER, size: [1, 1] };

describe("the open pixel", { timeout: 30_000 }, () => {
  it("answers a 1×1 GIF that is never cached, and counts a person's open on the row", async () => {
    const t = await sentToRose();
    await t.sentAgo(3600);
    const res = await t.hit(`/t/o/${await t.token("o")}.gif`, {
      headers: { "user-agent": DESKTOP_CHROME, "cf-connecting-ip": "203.0.113.9" },
    });
    expect(await isPixel(res)).toEqual(PIXEL);
    const message = await t.read(t.id);
    expect(message).toMatchObject({ status: "opened", opens: 1, clicks: 0 });
    expect(message.firstOpenedAt).not.toBeNull();
    const [event] = await t.events();
    expect(event).toMatchObject({ type: "opened", machine: false, detail: "human", userAgent: "desktop" });
    expect(event!.ipHash).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(await t.events())).not.toContain("203.0.113.9");
  });

  it("logs an Apple Mail Privacy Protection open and one within seconds of sending as machine, counting neither", async () => {
    const t = await sentToRose();
    await t.sentAgo(3600);
    const url = `/t/o/${await t.token("o")}.gif`;
    await t.hit(url, { headers: { "user-agent": "Mozilla/5.0", "cf-connecting-ip": "17.58.1.2" } });
    await t.sentAgo(1);
    await t.hit(url, { headers: { "user-agent": DESKTOP_CHROME, "cf-connecting-ip": "198.51.100.7" } });
    expect(await t.read(t.id)).toMatchObject({ status: "sent", opens: 0, firstOpenedAt: null });
    expect((await t.events()).map((e) => [e.type, e.machine, e.detail, e.userAgent])).toEqual([
      ["opened", true, "apple-mpp", "apple-mpp"],
      ["opened", true, "too-soon", "desktop"],
    ]);
  });

  it("answers the same GIF and records nothing for tampered, wrong-purpose and malformed tokens", async () => {
    const t = await sentToRose();
    await t.sentAgo(3600);
    const good = await t.token("o");
    const paths = [
      `/t/o/${tampered(good)}.gif`,
      `/t/o/${await t.token("u")}.gif`,
      `/t/o/${await t.token("c", "https://example.com/")}.gif`,
      "/t/o/not-a-token.gif",
      `/t/o/${good}`,
    ];
    for (const path of paths) {
      expect(await isPixel(await t.hit(path, { headers: { "user-agent": DESKTOP_CHROME } })), path).toEqual(PIXEL);
    }
    expect(await t.events()).toEqual([]);
    expect(await t.read(t.id)).toMatchObject({ status: "sent", opens: 0 });
  });
});

describe("tracked links", { timeout: 30_000 }, () => {
  it("redirects to exactly the URL in the token, byte for byte, and counts the click as an open too", async () => {
    const t = await sentToRose();
    // Capitals in the host, an empty value, escapes: a URL parser would rewrite some of it; the redirect must not.
    const url =
      "https://Roses-Bakery.example/menu/Caf%C3%A9?utm_source=rowpilot&a=1&a=2&q=%2B%20x&empty=#Opening-hours";
    const res = await t.hit(`/t/c/${await t.token("c", url)}`, { headers: { "user-agent": DESKTOP_CHROME } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(url);
    expect(await t.read(t.id)).toMatchObject({ status: "clicked", opens: 1, clicks: 1 });
    expect(await t.events()).toEqual([
      expect.objectContaining({ type: "clicked", url, machine: false, source: "tracking", userAgent: "desktop" }),
    ]);
  });

  it("answers a HEAD (a link checker's) like the GET without counting it, for links and the pixel", async () => {
    const t = await sentToRose();
    await t.sentAgo(3600);
    const url = "https://roses-bakery.example/?from=mail";
    const click = await t.hit(`/t/c/${await t.token("c", url)}`, { method: "HEAD" });
    expect([click.status, click.headers.get("location")]).toEqual([302, url]);
    const open = await t.hit(`/t/o/${await t.token("o")}.gif`, { method: "HEAD" });
    expect([open.status, open.headers.get("content-type")]).toEqual([200, "image/gif"]);
    expect(await t.events()).toEqual([]);
    expect(await t.read(t.id)).toMatchObject({ status: "sent", opens: 0, clicks: 0 });
  });

  it("sends a link with characters a header cannot carry where a browser would take it", async () => {
    const t = await sentToRose();
    const res = await t.hit(`/t/c/${await t.token("c", "https://roses-bakery.example/café menu")}`);
    expect([res.status, res.headers.get("location")]).toEqual([302, "https://roses-bakery.example/caf%C3%A9%20menu"]);
  });

  it("answers tampered, wrong-purpose and malformed tokens with a 400 page, no Location, nothing recorded", async () => {
    const t = await sentToRose();
    const good = await t.token("c", "https://roses-bakery.example/");
    const paths = [
      `/t/c/${tampered(good)}`,
      `/t/c/${await t.token("o")}`,
      `/t/c/${await t.token("u")}`,
      "/t/c/not-a-token",
      `/t/c/${good.split(".")[0]}.`,
      `/t/c/${good}x`,
    ];
    for (const path of paths) {
      const res = await t.hit(path);
      expect([res.status, res.headers.get("location")], path).toEqual([400, null]);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await res.text()).toContain("This link does not work");
    }
    expect(await t.events()).toEqual([]);
    expect(await t.read(t.id)).toMatchObject({ status: "sent", opens: 0, clicks: 0 });
  });

  it("still takes the person to the link when its message has been deleted", async () => {
    const t = await sentToRose();
    const url = "https://roses-bakery.example/?from=mail";
    await t.messaging.messages.room.deleteRow(t.id, { kind: "automation", job: "test" });
    const res = await t.hit(`/t/c/${await t.token("c", url)}`);
    expect([res.status, res.headers.get("location")]).toEqual([302, url]);
    expect(await t.events()).toEqual([]);
  });
});
