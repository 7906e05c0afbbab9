import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { REPLAY_MEMORY_MS } from "../../../automation/messaging/webhooks";
import { getDb } from "../../db";
import { ownerWithWorkspace } from "../../test/http";
import { claimEvents } from "./seen-events";

describe("webhook replay guard in D1", { timeout: 20_000 }, () => {
  it("claims an event id once, gives it back when released, and forgets it after the replay memory", async () => {
    const { ws } = await ownerWithWorkspace();
    const db = getDb(env.DB);
    const now = new Date();
    const first = await claimEvents(db, ws.id, "resend", ["a", "b", "a"], now);
    expect([...first.fresh]).toEqual(["a", "b"]);
    expect([...(await claimEvents(db, ws.id, "resend", ["a", "b", "c"], now)).fresh]).toEqual(["c"]);
    // The same id from another provider is another event.
    expect([...(await claimEvents(db, ws.id, "postmark", ["a"], now)).fresh]).toEqual(["a"]);
    await first.release(["b"]);
    expect([...(await claimEvents(db, ws.id, "resend", ["b"], now)).fresh]).toEqual(["b"]);
    const later = new Date(now.getTime() + REPLAY_MEMORY_MS + 1000);
    expect([...(await claimEvents(db, ws.id, "resend", ["a"], later)).fresh]).toEqual(["a"]);
  });

  it("claims a batch larger than one statement's parameter limit", async () => {
    const { ws } = await ownerWithWorkspace();
    const ids = Array.from({ length: 120 }, (_, i) => `sg-${i}`);
    const claims = await claimEvents(getDb(env.DB), ws.id, "sendgrid", ids, new Date());
    expect(claims.fresh.size).toBe(120);
    await claims.release(ids);
    expect((await claimEvents(getDb(env.DB), ws.id, "sendgrid", ids, new Date())).fresh.size).toBe(120);
  });
});
