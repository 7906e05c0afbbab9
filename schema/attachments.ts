/**
 * Files in cells: what an attachment cell holds (a list of these), and where a table's files
 * live in R2. Uploads and the contact engine's screenshots both end up as such entries.
 */
import { z } from "zod";

/** Largest upload: screenshots and documents fit; videos belong elsewhere. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const Attachment = z.object({
  /** The R2 key; always under one of the table's prefixes (see `tableFilePrefixes`). */
  key: z.string().min(1).max(500),
  name: z.string().min(1).max(255),
  type: z.string().max(120).default("application/octet-stream"),
  size: z.number().int().min(0).default(0),
});
export type Attachment = z.infer<typeof Attachment>;

/** The R2 prefixes a table's files are kept under: uploads, and the contact engine's screenshots. */
export const tableFilePrefixes = (tableId: string) => [`files/${tableId}/`, `contact/${tableId}/`];

/** Whether `key` belongs to the table (so a cell cannot point at another table's files). */
export const isTableFile = (tableId: string, key: string) =>
  !key.includes("..") && tableFilePrefixes(tableId).some((prefix) => key.startsWith(prefix));

/** The API path that serves an attachment of a table. */
export const attachmentUrl = (tableId: string, key: string) =>
  `/api/tables/${encodeURIComponent(tableId)}/files/${key.split("/").map(encodeURIComponent).join("/")}`;

/** The attachments a cell holds; anything else in it is ignored. */
export function attachmentsOf(value: unknown): Attachment[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const parsed = Attachment.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

export const isImage = (a: Pick<Attachment, "type">) => /^image\/(png|jpeg|gif|webp|avif)$/.test(a.type);
