/**
 * Messages as rows: a new one written from its recipient's row (the To address or number read
 * from the row's email or phone column), and rows read back as the API gives them.
 */
import { eq } from "drizzle-orm";
import { normalizeEmail, normalizePhone } from "../../automation/messaging/address";
import { dataTable } from "../../schema/db";
import { HUNTING_KINDS } from "../../schema/hunting-tables";
import type { CreateMessage, MessageRecord } from "../../schema/messaging-api";
import { MESSAGE_STATUSES, type MessageStatus } from "../../schema/messaging-tables";
import type { AutomationOrigin, ColumnDef, RowRecord } from "../../schema/tables";
import type { Db } from "../db";
import { byKey, reader, type TableHandle, tableHandle } from "../kinds/tables";
import { MessageInputError, MessageMissingError } from "./errors";
import { readMessagingSettings } from "./settings";
import { ensureMessaging, type Messaging } from "./tables";

export const messagingOrigin = (job: string): AutomationOrigin => ({ kind: "automation", job });

/** Where a row keeps a channel's address: the kind tables' stable key, else a column of the type, else by name. */
const ADDRESS_COLUMNS = {
  email: { key: "email", type: "email", name: /^e-?mail/i },
  sms: { key: "phone", type: "phone", name: /phone|mobile/i },
} as const;

function addressColumn(table: TableHandle, channel: "email" | "sms"): ColumnDef | null {
  const want = ADDRESS_COLUMNS[channel];
  const byId = (id: string | undefined) => table.columns.find((c) => c.id === id);
  return (
    byId(table.keys[want.key]) ??
    table.columns.find((c) => c.type === want.type) ??
    table.columns.find((c) => want.name.test(c.name)) ??
    null
  );
}

/** The recipient's address for `channel`, normalized, or a MessageInputError saying what is missing. */
export async function recipientAddress(
  env: Env,
  tableId: string,
  rowId: string,
  channel: "email" | "sms",
): Promise<string> {
  const table = await tableHandle(env, tableId);
  const [row] = await table.room.readRows([rowId]);
  if (!row) throw new MessageMissingError("The recipient's row is not in that table");
  const column = addressColumn(table, channel);
  const what = channel === "email" ? "email address" : "phone number";
  if (!column)
    throw new MessageInputError(`The recipient's table has no ${channel === "email" ? "Email" : "Phone"} column`);
  const raw = row.cells[column.id];
  const text = typeof raw === "string" ? raw : "";
  if (!text.trim()) throw new MessageInputError(`The recipient has no ${what} (their ${column.name} cell is empty)`);
  const address = channel === "email" ? normalizeEmail(text) : normalizePhone(text);
  if (!address) throw new MessageInputError(`The recipient's ${column.name} "${text}" is not a valid ${what}`);
  return address;
}

/** Writes a draft (or, with `sendAt`, a scheduled message) to its recipient. */
export async function createMessage(
  env: Env,
  db: Db,
  workspaceId: string,
  createdBy: string | null,
  input: CreateMessage,
): Promise<{ messaging: Messaging; id: string; status: MessageStatus }> {
  const table = await db.query.dataTable.findFirst({ where: eq(dataTable.id, input.recipientTable) });
  if (!table || table.workspaceId !== workspaceId)
    throw new MessageMissingError("recipientTable: no such table in this workspace");
  const to = await recipientAddress(env, table.id, input.recipientRowId, input.channel);
  const sendAt = input.sendAt ? new Date(input.sendAt).toISOString() : null;
  const status: MessageStatus = sendAt ? "scheduled" : "draft";
  const { sender } = await readMessagingSettings(db, workspaceId);
  const messaging = await ensureMessaging(env, db, workspaceId, createdBy);
  const from =
    input.channel === "email" && sender.fromEmail ? `${sender.fromName || sender.fromEmail} <${sender.fromEmail}>` : "";
  const cells = byKey(messaging.messages, {
    recipient: table.kind === HUNTING_KINDS.businesses ? [input.recipientRowId] : null,
    recipientTable: table.id,
    recipientRowId: input.recipientRowId,
    channel: input.channel,
    direction: "out",
    from,
    to,
    subject: input.subject ?? "",
    body: input.body ?? "",
    status,
    scheduledFor: sendAt,
    opens: 0,
    clicks: 0,
  });
  const inserted = await messaging.messages.room.insertRow(cells, messagingOrigin("create-message"));
  if (!inserted.ok) throw new MessageInputError(inserted.message);
  return { messaging, id: inserted.value, status };
}

const orNull = (text: string) => text || null;

export function messageRecord(messages: TableHandle, row: RowRecord): MessageRecord {
  const r = reader(messages, row.cells);
  const status = r.text("status");
  return {
    id: row.id,
    status: (MESSAGE_STATUSES as readonly string[]).includes(status) ? (status as MessageStatus) : "draft",
    channel: r.text("channel"),
    direction: r.text("direction") || "out",
    from: r.text("from"),
    to: r.text("to"),
    subject: r.text("subject"),
    body: r.text("body"),
    recipientTable: r.text("recipientTable"),
    recipientRowId: r.text("recipientRowId"),
    provider: orNull(r.text("provider")),
    providerMessageId: orNull(r.text("providerMessageId")),
    scheduledFor: orNull(r.text("scheduledFor")),
    sentAt: orNull(r.text("sentAt")),
    firstOpenedAt: orNull(r.text("firstOpenedAt")),
    opens: r.number("opens") ?? 0,
    clicks: r.number("clicks") ?? 0,
    error: orNull(r.text("error")),
  };
}

export async function readMessage(messaging: Messaging, id: string): Promise<MessageRecord> {
  const [row] = await messaging.messages.room.readRows([id]);
  if (!row) throw new MessageMissingError("Message not found");
  return messageRecord(messaging.messages, row);
}
