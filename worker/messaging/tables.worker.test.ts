import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MESSAGING_KINDS, MESSAGING_ORDER, MESSAGING_TABLES } from "../../schema/messaging-tables";
import { getDb } from "../db";
import { ensureKindIds } from "../kinds/tables";
import { ownerWithWorkspace } from "../test/http";
import { findMessaging } from "./tables";

describe("messaging tables — a workspace made before the Read column", { timeout: 30_000 }, () => {
  it("gets the Read column the next time its tables are found, once", async () => {
    const { ws } = await ownerWithWorkspace();
    const db = getDb(env.DB);
    // The template as it was: Messages without Read (and without the links outside the template).
    const tables = Object.fromEntries(
      MESSAGING_ORDER.map((t) => [
        t,
        {
          name: MESSAGING_TABLES[t].name,
          columns: MESSAGING_TABLES[t].columns.filter((c) => c.key !== "read" && !c.linksOutside),
        },
      ]),
    ) as Parameters<typeof ensureKindIds>[4]["tables"];
    await ensureKindIds(env, db, ws.id, null, { order: MESSAGING_ORDER, kinds: MESSAGING_KINDS, tables });

    const found = (await findMessaging(env, db, ws.id))!;
    const read = found.messages.columns.find((c) => c.id === found.messages.keys.read);
    expect(read).toMatchObject({ name: "Read", type: "checkbox" });
    const again = (await findMessaging(env, db, ws.id))!;
    expect(again.messages.columns.filter((c) => c.options.key === "read")).toHaveLength(1);
  });
});
