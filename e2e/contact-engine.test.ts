import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runContact } from "../automation/contact/engine";
import { localGuard, type UrlGuard } from "../automation/contact/guard";
import { SenderProfile } from "../schema/contact";
import { launchChromium } from "../scripts/chromium";
import { bodyOf, CORPUS_PROFILE } from "./contact-sites";

/** Pages that try to fool the engine: each test says what must (not) reach the server. */
const FORM = (extra = "", head = "") => `<!doctype html><html><head><title>Dealer</title>${head}</head><body>
<h2>Contact us</h2><form method="post" action="/post">
<label>First name <input name="first" required></label><label>Last name <input name="last" required></label>
<label>Email <input type="email" name="email" required></label><label>Message <textarea name="msg"></textarea></label>
${extra}<button type="submit">Send</button></form></body></html>`;
const PAGES: Record<string, string> = {
  "/clipped-honeypot/": FORM(
    `<div style="height:0;overflow:hidden"><label>Confirm email <input type="email" name="email_confirm" tabindex="-1" autocomplete="off"></label></div>`,
  ),
  "/chat-greeting/": FORM(
    "",
    `<script>document.addEventListener('submit', (e) => { e.preventDefault(); setTimeout(() => {
      const d = document.createElement('div'); d.textContent = 'Thanks for visiting! Chat with us.'; document.body.append(d); }, 300); });</script>`,
  ),
  "/slow-answer/": FORM(
    `<div aria-live="polite" id="note"></div><label><input type="checkbox" name="sms"> I agree to receive text messages</label>`,
    `<script>document.addEventListener('submit', (e) => { e.preventDefault();
      document.getElementById('note').textContent = 'Sending your message…';
      fetch('/slow', { method: 'POST', body: new FormData(e.target) }); });</script>`,
  ),
  "/quick-quote/": `<!doctype html><body><form action="/post" method="post"><h3>Quick quote</h3>
    <input name="q" placeholder="Name"><button>Contact me</button></form></body>`,
  "/sneaky/": FORM(
    "",
    `<script>try { new WebSocket('ws://127.0.0.2:' + location.port + '/socket'); } catch {}
      fetch('http://127.0.0.2:' + location.port + '/leak').catch(() => {});</script>`,
  ),
};

/** Pages that fake a success: the engine must not report one, and nothing is accepted. */
const FAKES: Record<string, string> = {
  // A page-wide form: the header's search comes first; the contact block's Send link is dead.
  "/search-first/": `<!doctype html><html><head><title>Dealer</title></head><body>
<form method="post" action="/dealer/default.aspx"><header><input name="q" placeholder="Search inventory">
<input type="submit" name="btnSearch" value="Go"></header><main><h2>Contact us</h2>
<label>First name <input name="first" required></label><label>Last name <input name="last" required></label>
<label>Email <input type="email" name="email" required></label><label>Message <textarea name="msg"></textarea></label>
<a class="btn" href="javascript:__doPostBack('btnSend','')">Send</a></main></form></body></html>`,
  // The thank-you panel is shown the moment Send is pressed; the site's answer, later, is a 500.
  "/early-thanks/": FORM(
    `<div id="thanks" hidden>Thank you! Your message has been sent.</div>`,
    `<script>document.addEventListener('submit', (e) => { e.preventDefault();
      document.getElementById('thanks').hidden = false;  e.target.hidden = true;
      fetch('/api/leads', { method: 'POST', body: new URLSearchParams(new FormData(e.target)) }); });</script>`,
  ),
  // Send pings the site with none of the fields, then gives up without a word.
  "/ping-only/": FORM(
    "",
    `<script>document.addEventListener('submit', async (e) => { e.preventDefault();
      await fetch('/api/session/touch', { method: 'POST', body: JSON.stringify({ event: 'form_submit' }) });
      await fetch('/api/token'); });</script>`,
  ),
  // A classic post answered 200 by a "Thank You" page that says the message failed.
  "/failed-200/": FORM().replace('action="/post"', 'action="/contact/submitted.aspx"'),
};

let server: Server;
let origin: string;
let browser: Browser;
const received: { path: string; body: string }[] = [];
const leaks: string[] = [];
const profile = SenderProfile.parse(CORPUS_PROFILE);

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (req.method === "POST") {
      received.push({ path: req.url ?? "", body: await bodyOf(req) });
      if (req.url === "/slow") await new Promise((r) => setTimeout(r, 4_000));
      if (req.url === "/dealer/default.aspx") {
        res.writeHead(302, { location: "/inventory/results?q=" }).end();
        return;
      }
      if (req.url === "/api/leads") {
        await new Promise((r) => setTimeout(r, 1_500));
        res.writeHead(500).end("mail relay down");
        return;
      }
      if (req.url === "/api/session/touch") {
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
        return;
      }
      if (req.url === "/contact/submitted.aspx") {
        res.writeHead(200, { "content-type": "text/html" });
        res.end(`<title>Thank You</title><h1>Thank you for your interest.</h1>
          <p>Unfortunately your message could not be sent due to a technical problem. Please call us.</p>`);
        return;
      }
      res.end("ok");
      return;
    }
    if (req.url === "/leak") leaks.push("fetch");
    if (req.url?.startsWith("/inventory/results")) {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<title>Inventory</title><h1>124 vehicles</h1><p>Thank you for shopping with us!</p>");
      return;
    }
    const page = PAGES[req.url ?? ""] ?? FAKES[req.url ?? ""];
    res.writeHead(page ? 200 : 404, { "content-type": "text/html" });
    res.end(page ?? "not found");
  });
  server.on("upgrade", (_req, socket) => {
    leaks.push("websocket");
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received.length = 0;
  leaks.length = 0;
});

async function contact(path: string, guard: UrlGuard = localGuard()) {
  const page = await browser.newPage();
  try {
    return await runContact(page, { url: `${origin}${path}`, profile, guard, saveScreenshot: async (label) => label });
  } finally {
    await page.close();
  }
}

describe("contact engine — pages that try to fool it", () => {
  it("leaves a honeypot hidden in a zero-height box empty", async () => {
    const result = await contact("/clipped-honeypot/");
    expect(result.submitted).toBe(true);
    expect(received).toHaveLength(1);
    expect(new URLSearchParams(received[0]!.body).get("email_confirm")).toBe("");
  }, 60_000);

  it("does not take a chat widget's greeting for a confirmation when nothing was sent", async () => {
    const result = await contact("/chat-greeting/");
    expect(result).toMatchObject({ outcome: "failure", category: "submit_unconfirmed" });
    expect(received).toEqual([]);
  }, 60_000);

  it("sends once to a slow site, without ticking boxes and pressing Send again", async () => {
    const result = await contact("/slow-answer/");
    expect(result.outcome).toBe("success");
    await new Promise((r) => setTimeout(r, 1_000));
    expect(received.map((r) => r.path)).toEqual(["/slow"]);
    expect(received[0]!.body).not.toContain("sms");
  }, 60_000);

  it("does not press a Contact button that belongs to another form", async () => {
    const result = await contact("/quick-quote/");
    expect(result.submitted).toBe(false);
    expect(received).toEqual([]);
  }, 60_000);

  it("under a guard, lets neither a WebSocket nor a fetch reach a refused address", async () => {
    const onlyLoopbackOne: UrlGuard = {
      checksRequests: true,
      async check(url) {
        if (new URL(url).hostname !== "127.0.0.1") throw new Error(`refused ${url}`);
      },
    };
    const result = await contact("/sneaky/", onlyLoopbackOne);
    expect(result.outcome).toBe("success");
    expect(leaks).toEqual([]);
  }, 60_000);
});

describe("contact engine — pages that fake a success", () => {
  it("does not press a page-wide form's search, nor take its results page for a confirmation", async () => {
    const result = await contact("/search-first/");
    expect(result).toMatchObject({ outcome: "failure", category: "submit_unconfirmed", evidence: null });
    expect(received.filter((r) => r.path === "/dealer/default.aspx")).toEqual([]);
  }, 60_000);

  it("believes the site's 500 over a thank-you shown before the answer came", async () => {
    const result = await contact("/early-thanks/");
    expect(result).toMatchObject({ outcome: "failure", category: "error" });
    expect(result.reason).toContain("HTTP 500");
    expect(received.map((r) => r.path)).toEqual(["/api/leads"]);
  }, 60_000);

  it("does not count an accepted request that carried none of the form", async () => {
    const result = await contact("/ping-only/");
    expect(result).toMatchObject({ outcome: "failure", category: "submit_unconfirmed" });
    expect(result.reason).toContain("no request carried the message");
  }, 60_000);

  it("hears a 200 “Thank You” page say that the message could not be sent", async () => {
    const result = await contact("/failed-200/");
    expect(result).toMatchObject({ outcome: "failure", category: "error" });
    expect(result.reason).toContain("could not be sent");
  }, 60_000);

  it("names the request, its fields and the confirmation in a success's evidence", async () => {
    const result = await contact("/clipped-honeypot/");
    expect(result.outcome).toBe("success");
    expect(result.evidence).toMatchObject({
      request: { method: "POST", url: `${origin}/post`, status: 200 },
    });
    expect(result.evidence!.request!.fields).toEqual(expect.arrayContaining(["email", "message"]));
  }, 60_000);
});
