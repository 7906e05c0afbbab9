/**
 * Editing a draft's subject and body. Only a draft or a scheduled message changes: the edit is a
 * compare-and-set on its Status inside the Messages room, so an edit that races a send cannot
 * change a message that is already queued.
 */
import type { MessageRecord } from "../../schema/messaging-api";
import type { EditDraft } from "../../schema/messaging-writer";
import { byKey } from "../kinds/tables";
import { MessageInputError } from "./errors";
import { messagingOrigin, readMessage } from "./messages";
import type { Messaging } from "./tables";

const EDITABLE = ["draft", "scheduled"];

export async function editDraft(messaging: Messaging, id: string, edit: EditDraft): Promise<MessageRecord> {
  const { messages } = messaging;
  const statusColumn = messages.keys.status;
  if (!statusColumn) throw new Error("The Messages table has lost its Status column");
  const current = await readMessage(messaging, id);
  const cells = byKey(messages, { subject: edit.subject ?? current.subject, body: edit.body ?? current.body });
  const claimed = await messages.room.claimRowsById({
    rowIds: [id],
    columnId: statusColumn,
    anyOf: EDITABLE,
    set: cells,
    origin: messagingOrigin("edit-draft"),
  });
  if (!claimed.length) {
    const { status } = await readMessage(messaging, id);
    throw new MessageInputError(`Only a draft can be edited; this message is ${status}`);
  }
  return readMessage(messaging, id);
}
