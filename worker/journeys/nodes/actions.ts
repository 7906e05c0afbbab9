/**
 * The action nodes a journey runs for its lead: update the row, create a row, call a webhook,
 * notify a person, start contact automation, generate a site. Each answers its outcome and goes on
 * by `next`; see rows.ts, webhook.ts and work.ts.
 */
import type { NodeOf } from "../../../schema/journeys";
import { getDb } from "../../db";
import type { NodeRunner } from "../run-context";
import { runCreateRow, runUpdate } from "./rows";
import { runWebhook } from "./webhook";
import { runGenerateSite, runNotify, runStartContact } from "./work";

export type ActionNode = NodeOf<"update" | "create-row" | "webhook" | "notify" | "start-contact" | "generate-site">;

export const runActionNode: NodeRunner<ActionNode> = async (env, run, node) => {
  const db = getDb(env.DB);
  switch (node.kind) {
    case "update":
      return runUpdate(env, run, node);
    case "create-row":
      return runCreateRow(env, db, run, node);
    case "webhook":
      return runWebhook(env, run, node);
    case "notify":
      return runNotify(env, db, run, node);
    case "start-contact":
      return runStartContact(env, run);
    case "generate-site":
      return runGenerateSite(env, db, run, node);
  }
};
