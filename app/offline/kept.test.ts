import { redirect } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KEPT, keep, serverOrKept } from "./kept";

/** The part of Cache Storage the kept copies use, in memory. */
function memoryCaches() {
  const stores = new Map<string, Map<string, Response>>();
  return {
    async open(name: string) {
      const store = stores.get(name) ?? new Map<string, Response>();
      stores.set(name, store);
      return {
        async put(url: string, response: Response) {
          store.set(url, response);
        },
        async match(url: string) {
          return store.get(url)?.clone();
        },
      };
    },
  };
}

const TABLE = { id: "t1", name: "Leads", rowCount: 3 };
const offline = () => Promise.reject(new TypeError("Failed to fetch"));

describe("a page's data with no server", () => {
  beforeEach(() => {
    vi.stubGlobal("caches", memoryCaches());
    vi.stubGlobal("location", { origin: "https://app.rowpilot.test" });
    vi.stubGlobal("navigator", { onLine: true });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("is the server's when it answers", async () => {
    await keep(KEPT.table("t1"), { ...TABLE, name: "Old name" });
    expect(await serverOrKept(KEPT.table("t1"), async () => TABLE, "never opened")).toEqual(TABLE);
  });

  it("is the copy kept last when the server cannot be reached", async () => {
    await keep(KEPT.table("t1"), TABLE);
    expect(await serverOrKept(KEPT.table("t1"), offline, "never opened")).toEqual(TABLE);
  });

  it("says the page was never opened here when there is no copy", async () => {
    const error = await serverOrKept(KEPT.table("t2"), offline, "This table was never opened on this device.").catch(
      (e: unknown) => e,
    );
    // What the router makes of it for the error boundary: a 503 response with this data.
    expect(error).toMatchObject({
      data: { notKept: true, message: "This table was never opened on this device." },
      init: { status: 503, statusText: "Not available offline" },
    });
  });

  it("lets what the server answered stand, a redirect or an error, even with a copy", async () => {
    await keep(KEPT.table("t1"), TABLE);
    const toSignIn = redirect("/sign-in");
    await expect(serverOrKept(KEPT.table("t1"), () => Promise.reject(toSignIn), "")).rejects.toBe(toSignIn);
    const bug = new Error("Unexpected Server Error");
    await expect(serverOrKept(KEPT.table("t1"), () => Promise.reject(bug), "")).rejects.toBe(bug);
  });

  it("is the copy for any failure while the browser says it has no network", async () => {
    vi.stubGlobal("navigator", { onLine: false });
    await keep(KEPT.tables("demo"), [TABLE]);
    const failed = () => Promise.reject(new Error("Unable to decode turbo-stream response"));
    expect(await serverOrKept(KEPT.tables("demo"), failed, "")).toEqual([TABLE]);
  });
});
