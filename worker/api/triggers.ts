/**
 * A table's trigger rules over HTTP: list, save (each save a new version) and delete them, and
 * read the run log. Editors change rules; viewers read them. Scheduled and webhook rules are
 * also recorded in the D1 registry, which the cron tick and `/hooks/trigger` look in; a webhook
 * rule's secret is in the response of the save that made it one, and never again.
 */
import { Hono } from "hono";
import { z } from "zod";
import { TriggerRule } from "../../schema/triggers";
import { unregisterRule } from "../triggers/registry";
import { saveTableRule } from "../triggers/save";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";
import { publicOrigin } from "./origin";
import { MAX_RUNS } from "./runs";
import { requireTable, unwrap } from "./tables";

/** What a client sends to save a rule: everything but its id (from the path) and version (ours). */
export const SaveRule = TriggerRule.omit({ id: true, version: true });

const RuleId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, - and _ (at most 64)");

export const triggerRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { room } = await requireTable(c, c.req.param("id")!, "read");
    return c.json({ rules: await room.listRules() });
  })
  .get("/runs", async (c) => {
    const { room } = await requireTable(c, c.req.param("id")!, "read");
    const limit = Math.min(MAX_RUNS, Math.max(1, Number(c.req.query("limit") ?? 100) || 100));
    // `fired`: how many times rules fired and buttons were pressed on this table in all (the log keeps the newest entries).
    return c.json(await room.triggerRuns(limit));
  })
  .put("/:ruleId", async (c) => {
    const id = RuleId.safeParse(c.req.param("ruleId"));
    if (!id.success) fail(400, `ruleId: ${id.error.issues[0]?.message}`);
    const body = await readBody(c, SaveRule);
    const { table } = await requireTable(c, c.req.param("id")!, "write");
    const { rule, secret } = unwrap(await saveTableRule(c.env, c.get("db"), table, { ...body, id: id.data }));
    if (rule.start.kind !== "webhook") return c.json(rule);
    const url = `${publicOrigin(c.env, c.req.url)}/hooks/trigger/${rule.id}`;
    return c.json({ ...rule, hook: secret ? { url, secret } : { url } });
  })
  .delete("/:ruleId", async (c) => {
    const { room, table } = await requireTable(c, c.req.param("id")!, "write");
    unwrap(await room.deleteRule(c.req.param("ruleId")));
    await unregisterRule(c.get("db"), table.id, c.req.param("ruleId"));
    return c.body(null, 204);
  });
