/**
 * `POST /hooks/trigger/<ruleId>`: starts a webhook rule, which acts on every row of its table
 * where its condition holds. The caller sends the rule's secret (shown once, when the rule was
 * first saved as a webhook rule) as `Authorization: Bearer <secret>`; a missing or wrong secret
 * gets 401 and changes nothing. An `Idempotency-Key` header makes a retried call act on no row
 * twice.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../api/context";
import { fail } from "../api/errors";
import { unwrap } from "../api/tables";
import { hashSecret } from "../auth/tokens";
import { tableRoom } from "../durable/table-room";
import { webhookRules } from "../triggers/registry";

const IdempotencyKey = z.string().trim().min(1).max(200);

export const triggerHookRoutes = new Hono<AppEnv>().post("/:ruleId", async (c) => {
  const ruleId = c.req.param("ruleId");
  const rules = await webhookRules(c.get("db"), ruleId);
  if (rules.length === 0) fail(404, "No webhook rule with this id");
  const secret = /^Bearer (\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  if (!secret) fail(401, "Send the rule's secret as Authorization: Bearer <secret>");
  // Rule ids are unique per table only: the secret says which table's rule is meant.
  const hash = await hashSecret(secret);
  const rule = rules.find((r) => r.secretHash === hash);
  if (!rule) fail(401, "Wrong secret for this rule");
  if (!rule.enabled) fail(409, "The rule is turned off");
  const key = c.req.header("idempotency-key");
  const parsedKey = key === undefined ? null : IdempotencyKey.safeParse(key);
  if (parsedKey && !parsedKey.success) fail(400, "Idempotency-Key: 1 to 200 characters");
  const call = parsedKey?.data ?? crypto.randomUUID();
  const result = unwrap(await tableRoom(c.env, rule.tableId).runRule(ruleId, { source: "webhook", id: call }));
  return c.json({ call, ...result }, 202);
});
