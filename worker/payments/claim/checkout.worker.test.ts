import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseCsp } from "../../../automation/sites/csp-problems";
import { auditLog, paymentClaim } from "../../../schema/db";
import { getDb } from "../../db";
import { call, json, nextAddress } from "../../test/http";
import { CHECKOUT_REFUSED, PAYMENTS_DOWN, PAYMENTS_UNAVAILABLE } from "./checkout";
import { CLAIMS_PER_ADDRESS_PER_MINUTE, TOO_MANY_CLAIMS } from "./limits";
import { ALREADY_CLAIMED, HONEYPOT_REFUSED } from "./start";
import { checkoutsFor, claimsOf, fake, postClaim, publishedRosa, worker } from "./test-site";

const ROSA = { name: "Rosa Díaz", email: "Rosa@RosasTaqueria.com", phone: "512-555-0142" };
const HOUR = 60 * 60 * 1000;

describe("claiming a site — the claim page", { timeout: 60_000 }, () => {
  it("shows the business, the plan and a form that continues to Recurrente's payment page", async () => {
    const { slug } = await publishedRosa({ keys: true });
    const page = await worker(`/s/${slug}/claim`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("This site was made for <strong>Rosa&#39;s Taquería</strong>.");
    expect(html).toContain("<h2>Website</h2>");
    expect(html).toContain("USD 99.00 once");
    expect(html).toContain("USD 29.00 a month");
    expect(html).toContain("Continue to payment");
    expect(html).toMatch(
      /<div class="hp" aria-hidden="true">.*<input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="">/,
    );
    const csp = parseCsp(page.headers.get("content-security-policy") ?? "");
    expect(csp.get("form-action")).toEqual(["'self'", new URL(fake.url).origin]);
    expect(csp.get("script-src")).toEqual(["'none'"]);
  });
});

describe("claiming a site — one checkout per site and email", { timeout: 60_000 }, () => {
  it("opens one checkout with the setup fee and the monthly plan, and sends the same person back to it", async () => {
    const { ws, slug, siteId, business } = await publishedRosa({ keys: true });
    const first = await postClaim(slug, ROSA);
    expect(first.status).toBe(303);
    const checkoutUrl = first.headers.get("location")!;
    expect(checkoutUrl).toMatch(/\/checkout-session\/ch_/);

    const [claim] = await claimsOf(ws.id, siteId);
    expect(claim).toMatchObject({ state: "open", checkoutUrl, email: ROSA.email, businessName: "Rosa's Taquería" });
    const [made] = await checkoutsFor(siteId);
    expect(made).toMatchObject({
      items: [
        { amount_in_cents: 9900, currency: "USD", charge_type: "one_time", quantity: 1 },
        {
          name: "Website",
          amount_in_cents: 2900,
          currency: "USD",
          charge_type: "recurring",
          billing_interval: "month",
          billing_interval_count: 1,
        },
      ],
      success_url: `http://rowpilot.test/s/${slug}/claim/done?claim=${claim!.id}`,
      cancel_url: `http://rowpilot.test/s/${slug}/claim`,
      metadata: {
        workspaceId: ws.id,
        siteId,
        businessId: business.rowId,
        claimId: claim!.id,
        planId: claim!.planId,
        email: ROSA.email,
        name: ROSA.name,
      },
    });
    const expires = Date.parse(String(made!.expires_at)) - Date.now();
    expect(expires).toBeGreaterThan(23 * HOUR);
    expect(expires).toBeLessThanOrEqual(24 * HOUR);

    // A retried post, the email typed another way: the same checkout, none made.
    const again = await postClaim(slug, { ...ROSA, email: "rosa@rosastaqueria.com " });
    expect([again.status, again.headers.get("location")]).toEqual([303, checkoutUrl]);
    const api = await worker("/api/claims", {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": nextAddress() },
      body: JSON.stringify({ siteSlug: slug, ...ROSA }),
    });
    expect(await json(api)).toEqual({ claimId: claim!.id, checkoutUrl });
    expect(await checkoutsFor(siteId)).toHaveLength(1);
  });

  it("makes one checkout for five posts sent at once (a double click on Pay and retries)", async () => {
    const { ws, slug, siteId } = await publishedRosa({ keys: true });
    const posts = await Promise.all(Array.from({ length: 5 }, () => postClaim(slug, ROSA)));
    expect(posts.map((p) => p.status)).toEqual([303, 303, 303, 303, 303]);
    expect(new Set(posts.map((p) => p.headers.get("location"))).size).toBe(1);
    expect(await checkoutsFor(siteId)).toHaveLength(1);
    expect((await claimsOf(ws.id, siteId)).map((c) => c.state)).toEqual(["open"]);
  });

  it("sends a declined claim back to the checkout Recurrente still takes, and makes a fresh one, once, when it is gone", async () => {
    const { ws, slug, siteId } = await publishedRosa({ keys: true });
    const first = (await postClaim(slug, ROSA)).headers.get("location");
    const db = getDb(env.DB);
    const where = and(eq(paymentClaim.workspaceId, ws.id), eq(paymentClaim.siteId, siteId));
    await db.update(paymentClaim).set({ state: "failed", failureReason: "Card declined" }).where(where);
    // Declined, but the checkout can still be paid: the same page, so its payment finds this claim.
    const retries = await Promise.all([postClaim(slug, ROSA), postClaim(slug, ROSA)]);
    expect(retries.map((r) => r.headers.get("location"))).toEqual([first, first]);
    expect(await checkoutsFor(siteId)).toHaveLength(1);
    // Open for longer than a checkout lives, and Recurrente no longer has it: a fresh one, once.
    await db
      .update(paymentClaim)
      .set({ updatedAt: new Date(Date.now() - 25 * HOUR) })
      .where(where);
    await fake.failNext({ status: 404, error: "Checkout no encontrado" });
    const later = (await postClaim(slug, ROSA)).headers.get("location");
    expect(later).not.toBe(first);
    expect(await checkoutsFor(siteId)).toHaveLength(2);
    expect(await claimsOf(ws.id, siteId)).toEqual([expect.objectContaining({ state: "open", checkoutUrl: later })]);
  });

  it("never opens a second checkout for a claim whose first was paid while the webhook is on its way", async () => {
    const { ws, slug, siteId } = await publishedRosa({ keys: true });
    await postClaim(slug, ROSA);
    const [claim] = await claimsOf(ws.id, siteId);
    await fake.pay(claim!.checkoutId!);
    // The page said expired (no webhook came in a day), yet Recurrente has the money.
    await getDb(env.DB)
      .update(paymentClaim)
      .set({ updatedAt: new Date(Date.now() - 25 * HOUR) })
      .where(eq(paymentClaim.id, claim!.id));
    const again = await postClaim(slug, ROSA);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("being confirmed");
    expect(await checkoutsFor(siteId)).toHaveLength(1);
  });
});

describe("claiming a site — refusals", { timeout: 60_000 }, () => {
  it("refuses a form that fills the hidden field, recording nothing", async () => {
    const { ws, slug, siteId } = await publishedRosa({ keys: true });
    const bot = await postClaim(slug, { ...ROSA, website: "http://spam.example" });
    expect(bot.status).toBe(400);
    expect(await bot.text()).toContain("We could not take this claim.");
    expect(HONEYPOT_REFUSED).toMatch(/^We could not take this claim\./);
    expect(await claimsOf(ws.id, siteId)).toEqual([]);
    expect(await checkoutsFor(siteId)).toEqual([]);
  });

  it("answers a post that is not a form with 400 and the form again, not an error page", async () => {
    const { ws, slug, siteId } = await publishedRosa({ keys: true });
    const res = await worker(`/s/${slug}/claim`, {
      method: "POST",
      headers: { "cf-connecting-ip": nextAddress(), "content-type": "multipart/form-data; boundary=x" },
      body: "not a multipart body",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("<form");
    expect(await claimsOf(ws.id, siteId)).toEqual([]);
  });

  it("answers a flood from one address with 429 and says to wait", async () => {
    const { slug } = await publishedRosa({ keys: false });
    const ip = nextAddress();
    // The limiter's minute is aligned to the clock: within two minutes' worth the flood must be stopped.
    let refused: Response | null = null;
    for (let i = 0; i <= 2 * CLAIMS_PER_ADDRESS_PER_MINUTE && !refused; i++) {
      const res = await worker("/api/claims", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": ip },
        body: JSON.stringify({ siteSlug: slug, name: "Bot", email: "not an email" }),
      });
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(400);
    }
    expect(refused).not.toBeNull();
    expect(await json(refused!)).toMatchObject({ error: { message: TOO_MANY_CLAIMS } });
    const form = await postClaim(slug, ROSA, ip);
    expect(form.status).toBe(429);
    expect(await form.text()).toContain("Too many claims were sent from here");
  });

  it("refuses politely to claim a site its owner has already paid for", async () => {
    const { ws, slug, siteId } = await publishedRosa({ keys: true });
    await postClaim(slug, ROSA);
    await getDb(env.DB)
      .update(paymentClaim)
      .set({ state: "paid" })
      .where(and(eq(paymentClaim.workspaceId, ws.id), eq(paymentClaim.siteId, siteId)));
    const page = await worker(`/s/${slug}/claim`);
    expect(await page.text()).toContain(ALREADY_CLAIMED);
    const other = await postClaim(slug, { name: "Someone Else", email: "else@example.com" });
    expect(other.status).toBe(409);
    expect(await other.text()).toContain(ALREADY_CLAIMED);
    expect(await checkoutsFor(siteId)).toHaveLength(1);
  });

  it.each([
    [401, 503, PAYMENTS_UNAVAILABLE, true],
    [422, 502, CHECKOUT_REFUSED, true],
    [500, 503, PAYMENTS_DOWN, false],
  ])(
    "shows a clear page when Recurrente answers %i, leaves no claim half-made, and a retry works",
    async (failure, status, message, audited) => {
      const { ws, slug, siteId } = await publishedRosa({ keys: true });
      await fake.failNext({ status: failure, error: "Recurrente says no" });
      const res = await postClaim(slug, ROSA);
      expect(res.status).toBe(status);
      const html = await res.text();
      expect(html).toContain(message.replaceAll("'", "&#39;"));
      expect(html).toContain(`value="${ROSA.name}"`);
      expect(await claimsOf(ws.id, siteId)).toEqual([]);
      const told = await getDb(env.DB)
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, "payments.checkout_failed")));
      expect(told.length).toBe(audited ? 1 : 0);
      const retry = await postClaim(slug, ROSA);
      expect(retry.status).toBe(303);
      expect((await claimsOf(ws.id, siteId)).map((c) => c.state)).toEqual(["open"]);
    },
  );
});

describe("claiming a site — without payments set up", { timeout: 60_000 }, () => {
  it("records the claim as a Claims row and marks the business, never showing a checkout", async () => {
    const { owner, ws, slug, siteId, business } = await publishedRosa({ keys: false });
    const page = await worker(`/s/${slug}/claim`);
    expect(await page.text()).not.toContain("Continue to payment");
    const res = await postClaim(slug, ROSA);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Thank you, Rosa Díaz");
    expect(await claimsOf(ws.id, siteId)).toEqual([]);
    expect(await checkoutsFor(siteId)).toEqual([]);
    const tables = await json<{ id: string; name: string }[]>(
      await call(owner, "GET", `/api/tables?workspace=${ws.slug}`),
    );
    const claims = await json<{ rows: { cells: Record<string, unknown> }[] }>(
      await call(owner, "GET", `/api/tables/${tables.find((t) => t.name === "Claims")!.id}/rows`),
    );
    expect(claims.rows.map((r) => Object.values(r.cells))).toEqual([
      expect.arrayContaining([ROSA.name, ROSA.email, [siteId], [business.rowId]]),
    ]);
  });
});
