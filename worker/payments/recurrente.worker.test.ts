import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { recurrenteFake, workerWith } from "../test/fake-recurrente";
import { call, ownerWithWorkspace } from "../test/http";
import { recurrenteOf, requireRecurrente } from "./recurrente";

const fake = recurrenteFake();

async function workspaceWithKeys(keys: { paymentsPublicKey?: string; paymentsApiKey?: string }) {
  const { owner, ws, base } = await ownerWithWorkspace();
  const res = await call(owner, "PATCH", `${base}/settings`, { secrets: keys });
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${await res.text()}`);
  return { owner, ws, base };
}

describe("A workspace's Recurrente account", () => {
  it("talks to the Recurrente at RECURRENTE_URL with the workspace's stored keys", async () => {
    const { ws } = await workspaceWithKeys({
      paymentsPublicKey: fake.keys.publicKey,
      paymentsApiKey: fake.keys.secretKey,
    });
    const recurrente = await recurrenteOf({ ...env, RECURRENTE_URL: fake.url }, getDb(env.DB), ws.id);
    expect(await recurrente?.test()).toMatch(/^Hello /);
    const checkout = await recurrente!.createCheckout({
      items: [{ name: "Website plan", amountCents: 4900, currency: "USD", chargeType: "recurring" }],
      successUrl: "http://rowpilot.test/done",
      cancelUrl: "http://rowpilot.test/claim",
      metadata: { workspace: ws.id },
    });
    const seen = (await fake.requests()).find((r) => r.path === "/api/checkouts" && r.body.includes(ws.id));
    expect(seen?.headers["x-secret-key"]).toBe(fake.keys.secretKey);
    expect((await recurrente!.getCheckout(checkout.id)).totalCents).toBe(4900);
  });

  it("is not set up while a key is missing", async () => {
    const { ws } = await workspaceWithKeys({ paymentsPublicKey: fake.keys.publicKey });
    const db = getDb(env.DB);
    expect(await recurrenteOf({ ...env, RECURRENTE_URL: fake.url }, db, ws.id)).toBeNull();
    await expect(requireRecurrente(env, db, ws.id)).rejects.toThrow(/add the Recurrente public and secret keys/);
  });

  it("pays a checkout at the fake into signed deliveries a test can post to the Worker", async () => {
    const { ws } = await workspaceWithKeys({
      paymentsPublicKey: fake.keys.publicKey,
      paymentsApiKey: fake.keys.secretKey,
    });
    const recurrente = await recurrenteOf({ ...env, RECURRENTE_URL: fake.url }, getDb(env.DB), ws.id);
    const checkout = await recurrente!.createCheckout({
      items: [{ name: "Setup", amountCents: 7900, currency: "USD", chargeType: "one_time" }],
      successUrl: "http://rowpilot.test/done",
      cancelUrl: "http://rowpilot.test/claim",
      metadata: { email: "ana@example.com" },
    });
    const to = `http://rowpilot.test/hooks/payments/recurrente/${ws.slug}`;
    const deliveries = await fake.pay(checkout.id, undefined, { to });
    expect(deliveries.map((d) => JSON.parse(d.body).event_type)).toEqual(["payment_intent.succeeded"]);
    expect(deliveries[0]?.headers["svix-signature"]).toMatch(/^v1,/);
    expect((await recurrente!.getCheckout(checkout.id)).status).toBe("paid");
  });

  it("runs the real Worker, with its bindings, under env overrides", async () => {
    const { owner, base } = await workspaceWithKeys({ paymentsPublicKey: fake.keys.publicKey });
    const res = await workerWith({ RECURRENTE_URL: fake.url })(`${base}/settings`, {
      headers: { cookie: owner.cookie, origin: "http://rowpilot.test" },
    });
    expect(res.status).toBe(200);
    const { secrets } = (await res.json()) as { secrets: { key: string; set: boolean }[] };
    expect(secrets.find((s) => s.key === "paymentsPublicKey")?.set).toBe(true);
  });
});
