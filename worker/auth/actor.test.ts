import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../api/context";
import type { Db } from "../db";
import { actorMiddleware, shareActor } from "./actor";
import type { Auth } from "./auth";

/** An app whose session lookups are counted: each one is a D1 query in the real one. */
function countingApp() {
  const lookups = { count: 0 };
  const auth = {
    api: {
      getSession: async () => {
        lookups.count++;
        return { user: { id: "u1", name: "Ada", email: "ada@example.com" } };
      },
    },
  } as unknown as Auth;
  const app = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set("db", {} as Db);
      c.set("auth", () => auth);
      await next();
    })
    .use(actorMiddleware)
    .get("/me", (c) => c.json(c.get("actor")));
  return { app, lookups };
}

const call = () => new Request("https://app.rowpilot.test/me", { headers: { cookie: "session=abc" } });

describe("the actor of a page's API calls", () => {
  it("is looked up once for all the calls of one page request", async () => {
    const { app, lookups } = countingApp();
    const page = {};
    const answers = await Promise.all([1, 2, 3, 4].map(() => app.request(shareActor(call(), page))));
    for (const res of answers) expect(await res.json()).toMatchObject({ kind: "user", userId: "u1" });
    expect(lookups.count).toBe(1);
  });

  it("is looked up again for another page request, and for every call made from outside", async () => {
    const { app, lookups } = countingApp();
    await app.request(shareActor(call(), {}));
    await app.request(shareActor(call(), {}));
    await app.request(call());
    await app.request(call());
    expect(lookups.count).toBe(4);
  });
});
