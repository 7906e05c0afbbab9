import { describe, expect, it } from "vitest";
import { call, ownerWithWorkspace } from "../test/http";

describe("/sync upgrades", () => {
  it("refuses anonymous clients before anything else", async () => {
    expect((await call({}, "GET", "/sync/t1:b0", undefined, { upgrade: "websocket" })).status).toBe(401);
  });
  it("asks for a WebSocket upgrade and refuses tables that do not exist", async () => {
    const { owner } = await ownerWithWorkspace();
    expect((await call(owner, "GET", "/sync/t1:b0")).status).toBe(426);
    expect((await call(owner, "GET", "/sync/t1:b0", undefined, { upgrade: "websocket" })).status).toBe(404);
  });
});
