import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cspProblems } from "../../../automation/sites/csp-problems";
import { paymentClaim } from "../../../schema/db";
import type { ClaimStatus } from "../../../schema/payments-api";
import { getDb } from "../../db";
import { json } from "../../test/http";
import { claimsOf, postClaim, publishedRosa, worker } from "./test-site";

const HOUR = 60 * 60 * 1000;
const ROSA = { name: "Rosa Díaz", email: "rosa@rosastaqueria.com" };

/** A site with Rosa's claim open at the fake, and a way to move the claim as the webhooks would. */
async function openClaim() {
  const site = await publishedRosa({ keys: true });
  expect((await postClaim(site.slug, ROSA)).status).toBe(303);
  const [claim] = await claimsOf(site.ws.id, site.siteId);
  const set = (values: Partial<typeof paymentClaim.$inferInsert>) =>
    getDb(env.DB).update(paymentClaim).set(values).where(eq(paymentClaim.id, claim!.id));
  return { ...site, claim: claim!, set };
}

describe("claiming a site — the page the checkout returns to", { timeout: 60_000 }, () => {
  it("waits for Recurrente's confirmation, refreshing itself, then says the site is theirs", async () => {
    const { slug, claim, set } = await openClaim();
    const done = `/s/${slug}/claim/done?claim=${claim.id}`;
    // The browser arrives before the webhook: nothing is marked paid by its arrival.
    const waiting = await worker(done);
    const html = await waiting.text();
    expect(html).toContain("We're confirming your payment…");
    expect(html).toContain('<meta http-equiv="refresh" content="3">');
    const csp = waiting.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("form-action 'none'");
    expect((await claimsOf(claim.workspaceId, claim.siteId))[0]!.state).toBe("open");
    expect(await json<ClaimStatus>(await worker(`/s/${slug}/claim/status?claim=${claim.id}`))).toEqual({
      claimId: claim.id,
      state: "open",
      businessName: "Rosa's Taquería",
      failureReason: null,
    });

    await set({ state: "paid" });
    const paid = await (await worker(done)).text();
    expect(paid).toContain("It's yours");
    expect(paid).toContain("Rosa&#39;s Taquería is now your site. We'll be in touch at rosa@rosastaqueria.com.");
    expect(paid).not.toContain("http-equiv");
    expect((await json<ClaimStatus>(await worker(`/s/${slug}/claim/status?claim=${claim.id}`))).state).toBe("paid");
  });

  it("shows a declined payment's reason with a way back, and an expired checkout's way to start again", async () => {
    const { slug, claim, set } = await openClaim();
    const done = `/s/${slug}/claim/done?claim=${claim.id}`;
    await set({ state: "failed", failureReason: "Your card was declined." });
    const failed = await (await worker(done)).text();
    expect(failed).toContain("The payment did not go through");
    expect(failed).toContain("Your card was declined.");
    expect(failed).toContain(`<a href="/s/${slug}/claim">Try again</a>`);
    expect(await json<ClaimStatus>(await worker(`/s/${slug}/claim/status?claim=${claim.id}`))).toMatchObject({
      state: "failed",
      failureReason: "Your card was declined.",
    });

    await set({ state: "open", failureReason: null, updatedAt: new Date(Date.now() - 25 * HOUR) });
    const expired = await (await worker(done)).text();
    expect(expired).toContain("This payment page has expired");
    expect(expired).toContain(`<a href="/s/${slug}/claim">Start again</a>`);
  });

  it("knows no claim of another site or no claim at all", async () => {
    const { claim } = await openClaim();
    const other = await publishedRosa({ keys: true });
    expect((await worker(`/s/${other.slug}/claim/done?claim=${claim.id}`)).status).toBe(404);
    expect((await worker(`/s/${other.slug}/claim/status?claim=nope`)).status).toBe(404);
  });
});

describe("claiming a site — the published site once it is claimed", { timeout: 60_000 }, () => {
  it("shows the claim bar until a claim is paid, then none, and a friendly break page while offline", async () => {
    const { slug, set } = await openClaim();
    const unclaimed = await worker(`/s/${slug}/`);
    expect(await unclaimed.text()).toContain("data-claim-bar");

    await set({ state: "paid" });
    const claimed = await worker(`/s/${slug}/`);
    const html = await claimed.text();
    expect(claimed.status).toBe(200);
    expect(html).not.toContain("data-claim-bar");
    expect(html).not.toContain("Claim this site");
    expect(html).toContain("<h1>Rosa's Taquería</h1>");
    expect(cspProblems(claimed.headers.get("content-security-policy") ?? "")).toEqual([]);

    await set({ offlineAt: new Date() });
    const offline = await worker(`/s/${slug}/`);
    expect(offline.status).toBe(503);
    expect(offline.headers.get("retry-after")).toBe(String(24 * 60 * 60));
    expect(offline.headers.get("content-security-policy")).toContain("script-src 'none'");
    const notice = await offline.text();
    expect(notice).toContain("This site is taking a short break");
    expect(notice).not.toContain("Rosa's Taquería</h1>");

    await set({ offlineAt: null });
    expect((await worker(`/s/${slug}/`)).status).toBe(200);
  });
});
