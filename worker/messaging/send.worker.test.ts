import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "../../automation/actions";
import { type OutgoingEmail, SendError, type SendFailureKind } from "../../automation/messaging/outgoing";
import { workspaceWithLeads } from "../test/messaging";
import { queuedMessage as queued } from "../test/send-job";
import type { Providers } from "./providers";

/** A provider that answers each call from `script` in turn: an error kind to throw, or "ok". */
function scriptedProvider(script: (SendFailureKind | "ok")[], retryAfterMs: number | null = null) {
  const calls: OutgoingEmail[] = [];
  const providers = (): Providers => ({
    email: () => ({
      provider: "fake",
      async send(email) {
        calls.push(email);
        const next = script[calls.length - 1] ?? "ok";
        if (next !== "ok") throw new SendError("fake", next, `fake answered ${next}`, retryAfterMs);
        return { provider: "fake", providerMessageId: `fake-${calls.length}` };
      },
    }),
    sms: () => {
      throw new Error("no SMS in these tests");
    },
  });
  return { calls, providers };
}

/** A message to Rose, queued, and its job run with a scripted provider. */
async function queuedMessage() {
  const t = await workspaceWithLeads();
  const { id, run } = await queued(t);
  return { t, id, run: (attempt: number, providers: () => Providers) => run(attempt, { providers }) };
}

describe("the send job — retries and failures", { timeout: 20_000 }, () => {
  it("retries a rate-limited send after the provider's wait, then sends it once with the same key", async () => {
    const { t, id, run } = await queuedMessage();
    const fake = scriptedProvider(["rate_limited", "ok"], 7_000);
    expect(await run(1, fake.providers)).toEqual({ type: "retry", delaySeconds: 7 });
    expect(await t.read(id)).toMatchObject({
      status: "queued",
      error: "Try 1 failed: fake answered rate_limited; trying again in 7 s",
    });
    expect(await run(2, fake.providers)).toEqual({ type: "done", status: "sent" });
    expect(await t.read(id)).toMatchObject({
      status: "sent",
      provider: "fake",
      providerMessageId: "fake-2",
      error: null,
    });
    // Delivered once more after it was sent: nothing is handed to the provider again.
    expect(await run(3, fake.providers)).toEqual({ type: "done", status: null });
    expect(fake.calls.map((c) => c.idempotencyKey)).toEqual([`message-${id}`, `message-${id}`]);
  });

  it("backs off when the provider gives no wait, and fails after the last try", async () => {
    const { t, id, run } = await queuedMessage();
    const fake = scriptedProvider(["server", "network", "server"]);
    expect(await run(1, fake.providers)).toEqual({ type: "retry", delaySeconds: retryDelaySeconds(1) });
    expect(await run(2, fake.providers)).toEqual({ type: "retry", delaySeconds: retryDelaySeconds(2) });
    expect(await run(3, fake.providers)).toEqual({ type: "done", status: "failed" });
    expect(await t.read(id)).toMatchObject({ status: "failed", error: "fake answered server (after 3 tries)" });
  });

  it("fails at once, without retries, when the provider refuses the key", async () => {
    const { t, id, run } = await queuedMessage();
    const fake = scriptedProvider(["auth"]);
    expect(await run(1, fake.providers)).toEqual({ type: "done", status: "failed" });
    expect(await t.read(id)).toMatchObject({ status: "failed", error: "fake answered auth" });
    expect(fake.calls).toHaveLength(1);
  });
});
