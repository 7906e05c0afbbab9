import { describe, expect, it, vi } from "vitest";
import type { ButtonRun } from "../../schema/buttons";
import type { SubscriptionActionAnswer } from "../../schema/payments-api";
import { call, json, memberWithRole } from "../test/http";
import { runPaymentsOp } from "./buttons";
import { billingWorkspace, fake, fakeEnv } from "./subscriptions.fixtures";

type Failure = { error: { status: number; message: string } };

describe("Subscriptions — cancel", { timeout: 30_000 }, () => {
  it("cancels at Recurrente with DELETE and shows the subscription cancelled once Recurrente confirms", async () => {
    const t = await billingWorkspace();
    const sub = await t.subscriptionAtFake();
    const { rowId, customerId } = await t.subscriptionRow({ recurrenteId: sub.id, status: "active" });

    const res = await t.api("POST", `/subscriptions/${rowId}/cancel`);
    expect(res.status).toBe(200);
    const answer = await json<SubscriptionActionAnswer>(res);
    expect(answer.message).toMatch(/^Cancelled at Recurrente/);
    expect(answer.subscription).toMatchObject({
      id: rowId,
      recurrenteId: sub.id,
      status: "cancelled",
      requested: null,
      customerEmail: "rosa@bakery.example",
    });
    expect(answer.subscription.cancelledAt).not.toBeNull();
    const deletes = (await fake.requests()).filter(
      (r) => r.method === "DELETE" && r.path === `/api/subscriptions/${sub.id}`,
    );
    expect(deletes).toHaveLength(1);
    expect((await t.recurrente.getSubscription(sub.id)).status).toBe("cancelled");
    expect((await t.cellsOf("customers", customerId)).text("status")).toBe("cancelled");

    const again = await t.api("POST", `/subscriptions/${rowId}/cancel`);
    expect(again.status).toBe(409);
    expect((await json<Failure>(again)).error.message).toBe("This subscription is already cancelled");
  });

  it("says cancel requested while Recurrente has not confirmed yet", async () => {
    const t = await billingWorkspace();
    const sub = await t.subscriptionAtFake();
    const { rowId } = await t.subscriptionRow({ recurrenteId: sub.id, status: "active" });
    // The DELETE goes through; the read-back right after it fails, so only the webhook can confirm.
    await fake.failNext({ status: 200 }, { status: 503, error: "Mantenimiento" });
    const res = await t.api("POST", `/subscriptions/${rowId}/cancel`);
    const answer = await json<SubscriptionActionAnswer>(res);
    expect(res.status).toBe(200);
    expect(answer.message).toMatch(/will show cancelled when Recurrente confirms it/);
    expect(answer.subscription).toMatchObject({ status: "active", requested: "cancel requested" });
  });

  it("answers Recurrente's refusals with its words and changes nothing", async () => {
    const t = await billingWorkspace();
    const sub = await t.subscriptionAtFake();
    const { rowId } = await t.subscriptionRow({ recurrenteId: sub.id, status: "active" });
    const cases = [
      { failure: { status: 401, error: "Llaves inválidas" }, status: 502, says: /refused the keys.*Llaves inválidas/ },
      { failure: { status: 422, error: "No se puede cancelar" }, status: 422, says: /No se puede cancelar/ },
      { failure: { status: 500, error: "Error interno" }, status: 502, says: /had an error \(500\).*Error interno/ },
    ];
    for (const c of cases) {
      await fake.failNext(c.failure);
      const res = await t.api("POST", `/subscriptions/${rowId}/cancel`);
      expect(res.status).toBe(c.status);
      expect((await json<Failure>(res)).error.message).toMatch(c.says);
      expect((await t.cellsOf("subscriptions", rowId)).text("requested")).toBe("");
    }
    const gone = await t.subscriptionRow({ recurrenteId: "su_nosuchone", status: "active" });
    const missing = await t.api("POST", `/subscriptions/${gone.rowId}/cancel`);
    expect(missing.status).toBe(404);
    expect((await json<Failure>(missing)).error.message).toMatch(/Recurrente has no such subscription/);
    expect((await t.recurrente.getSubscription(sub.id)).status).toBe("active");
  });

  it("runs from the grid's Cancel button with the button's run log saying what happened", async () => {
    const t = await billingWorkspace();
    const sub = await t.subscriptionAtFake();
    const { rowId } = await t.subscriptionRow({ recurrenteId: sub.id, status: "active" });
    const outcome = await runPaymentsOp(fakeEnv, t.billing.ids.subscriptions, rowId, "cancel");
    expect(outcome).toEqual({ outcome: "succeeded", detail: expect.stringMatching(/^Cancelled at Recurrente/) });
    expect((await t.cellsOf("subscriptions", rowId)).text("status")).toBe("cancelled");
    const twice = await runPaymentsOp(fakeEnv, t.billing.ids.subscriptions, rowId, "cancel");
    expect(twice).toMatchObject({
      outcome: "failed",
      retryable: false,
      detail: "This subscription is already cancelled",
    });
  });
});

describe("Subscriptions — pause and resume", { timeout: 30_000 }, () => {
  it("records a pause for Recurrente's dashboard, and the row says paused once Recurrente does", async () => {
    const t = await billingWorkspace();
    const sub = await t.subscriptionAtFake();
    const { rowId } = await t.subscriptionRow({ recurrenteId: sub.id, status: "active" });
    const res = await t.api("POST", `/subscriptions/${rowId}/pause`);
    expect(res.status).toBe(200);
    const answer = await json<SubscriptionActionAnswer>(res);
    expect(answer.message).toContain("https://app.recurrente.com");
    expect(answer.subscription).toMatchObject({
      status: "active",
      requested: "pause requested — pause it in Recurrente's dashboard",
    });
    expect((await fake.requests()).some((r) => r.path === `/api/subscriptions/${sub.id}` && r.method !== "GET")).toBe(
      false,
    );

    await fake.setSubscriptionStatus(sub.id, "paused", { to: "http://nowhere.test/" });
    const refreshed = await json<SubscriptionActionAnswer>(await t.api("POST", `/subscriptions/${rowId}/refresh`));
    expect(refreshed.message).toBe("Recurrente says paused: the row now does too");
    expect(refreshed.subscription).toMatchObject({ status: "paused", requested: null });

    const pauseAgain = await t.api("POST", `/subscriptions/${rowId}/pause`);
    expect(pauseAgain.status).toBe(409);
    expect((await json<Failure>(pauseAgain)).error.message).toBe(
      "Only an active subscription can be paused; this one is paused",
    );
    const resumed = await json<SubscriptionActionAnswer>(await t.api("POST", `/subscriptions/${rowId}/resume`));
    expect(resumed.subscription.requested).toBe("resume requested — resume it in Recurrente's dashboard");
  });

  it("refuses to resume an active subscription and lets editors, not viewers, ask", async () => {
    const t = await billingWorkspace();
    const { rowId } = await t.subscriptionRow({ recurrenteId: "su_active1", status: "active" });
    const resume = await t.api("POST", `/subscriptions/${rowId}/resume`);
    expect(resume.status).toBe(409);
    expect((await json<Failure>(resume)).error.message).toBe(
      "Only a paused subscription can be resumed; this one is active",
    );
    const editor = await memberWithRole(t.owner, t.base, "editor");
    const viewer = await memberWithRole(t.owner, t.base, "viewer");
    expect((await t.api("POST", `/subscriptions/${rowId}/pause`, undefined, viewer)).status).toBe(403);
    expect((await t.api("POST", `/subscriptions/${rowId}/pause`, undefined, editor)).status).toBe(200);
    expect((await t.api("POST", "/subscriptions/no-such-row/pause")).status).toBe(404);
  });

  it("presses Pause in the grid: the button's run succeeds and Requested says what to do", async () => {
    const t = await billingWorkspace();
    const { rowId } = await t.subscriptionRow({ recurrenteId: "su_grid1", status: "active" });
    const pause = t.billing.subscriptions.keys.pauseButton!;
    const pressed = await call(
      t.owner,
      "POST",
      `/api/tables/${t.billing.ids.subscriptions}/rows/${rowId}/buttons/${pause}`,
      {},
    );
    expect(pressed.status).toBe(202);
    await vi.waitFor(
      async () => {
        const [row] = await t.billing.subscriptions.room.readRows([rowId]);
        expect((row!.cells[pause] as ButtonRun | undefined)?.state).toBe("succeeded");
      },
      { timeout: 15_000, interval: 200 },
    );
    expect((await t.cellsOf("subscriptions", rowId)).text("requested")).toMatch(/^pause requested/);
  });
});
