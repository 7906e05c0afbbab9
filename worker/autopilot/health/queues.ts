/**
 * Our own backlog: Cloudflare Queues give a binding no way to read a queue's depth, so the
 * backlog is measured where the work is recorded: sites queued or generating, messages queued
 * to send, scrapes running. Each with its count and, where its rows carry a time, its oldest.
 */
import { HUNTING_KINDS } from "../../../schema/hunting-tables";
import { MESSAGING_KINDS } from "../../../schema/messaging-tables";
import { SITES_KINDS } from "../../../schema/sites-tables";
import type { Db } from "../../db";
import { idOfKind, tableHandle } from "../../kinds/tables";
import { type BacklogCount, backlogOutcome } from "./backlog";
import type { CheckOutcome } from "./bounded";

type Backlog = { what: string; kind: string; statuses: string[]; since: string | null };

/** Where each backlog is, and which column says since when (null: the rows carry no such time). */
const BACKLOGS: Backlog[] = [
  { what: "sites queued or generating", kind: SITES_KINDS.sites, statuses: ["queued", "generating"], since: null },
  { what: "messages queued", kind: MESSAGING_KINDS.messages, statuses: ["queued"], since: "scheduledFor" },
  { what: "scrapes running", kind: HUNTING_KINDS.runs, statuses: ["running"], since: "started" },
];

async function measure(env: Env, db: Db, workspaceId: string, backlog: Backlog): Promise<BacklogCount | null> {
  const id = await idOfKind(db, workspaceId, backlog.kind);
  if (!id) return null;
  const table = await tableHandle(env, id);
  const status = table.keys.status;
  if (!status) return null;
  const filters = [{ columnId: status, op: "anyof" as const, value: backlog.statuses.join(",") }];
  const { total } = await table.room.queryRows({ filters, sort: [], limit: 1, offset: 0 });
  const since = backlog.since ? table.keys[backlog.since] : undefined;
  if (!total || !since) return { what: backlog.what, count: total, oldestAt: null };
  const { rows } = await table.room.queryRows({
    filters: [...filters, { columnId: since, op: "notempty", value: "" }],
    sort: [{ columnId: since, direction: "asc" }],
    limit: 1,
    offset: 0,
  });
  const at = rows[0]?.cells[since];
  return { what: backlog.what, count: total, oldestAt: typeof at === "string" ? at : null };
}

export async function checkQueues(env: Env, db: Db, workspaceId: string, now: Date): Promise<CheckOutcome> {
  const counts = await Promise.all(BACKLOGS.map((b) => measure(env, db, workspaceId, b)));
  return backlogOutcome(
    counts.filter((c): c is BacklogCount => c !== null),
    now,
  );
}
