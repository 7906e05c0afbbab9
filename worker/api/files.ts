/**
 * A table's files in R2: `POST /api/tables/:id/files?name=<file name>` stores the request body
 * (editors; at most `MAX_ATTACHMENT_BYTES`) and answers the attachment to put in a cell;
 * `GET /api/tables/:id/files/<key>` serves one of the table's files (anyone who can read the
 * table), screenshots of the contact engine included. Files are served so that none of them can
 * run in the app's origin: no sniffing, a sandbox CSP, and anything but an image downloaded.
 */
import { Hono } from "hono";
import { type Attachment, isImage, isTableFile, MAX_ATTACHMENT_BYTES } from "../../schema/attachments";
import type { AppEnv } from "./context";
import { fail } from "./errors";
import { requireTable } from "./tables";

/** File names keep letters, digits, spaces, dots, dashes and underscores (they end up in keys and headers). */
function safeName(name: string): string {
  const cleaned = name
    .replace(/[^\p{L}\p{N} ._-]+/gu, "_")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 120);
  return cleaned || "file";
}

export const fileRoutes = new Hono<AppEnv>()
  .post("/", async (c) => {
    const { table } = await requireTable(c, c.req.param("id")!, "write");
    const declared = Number(c.req.header("content-length") ?? "0");
    if (declared > MAX_ATTACHMENT_BYTES) fail(413, `Files are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
    const body = await c.req.arrayBuffer();
    if (body.byteLength === 0) fail(400, "The file is empty");
    if (body.byteLength > MAX_ATTACHMENT_BYTES)
      fail(413, `Files are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
    const name = safeName(c.req.query("name") ?? "file");
    const type = (c.req.header("content-type") ?? "application/octet-stream").split(";")[0]!.trim().toLowerCase();
    const key = `files/${table.id}/${crypto.randomUUID()}/${name}`;
    await c.env.FILES.put(key, body, { httpMetadata: { contentType: type } });
    const attachment: Attachment = { key, name, type, size: body.byteLength };
    return c.json(attachment, 201);
  })
  .get("/*", async (c) => {
    const { table } = await requireTable(c, c.req.param("id")!, "read");
    const prefix = `/api/tables/${c.req.param("id")}/files/`;
    const key = decodeURIComponent(new URL(c.req.url).pathname.slice(prefix.length));
    if (!isTableFile(table.id, key)) fail(404, "No such file in this table");
    const object = await c.env.FILES.get(key);
    if (!object) fail(404, "No such file in this table");
    const type = object.httpMetadata?.contentType ?? "application/octet-stream";
    const name = key.slice(key.lastIndexOf("/") + 1);
    return new Response(object.body, {
      headers: {
        "content-type": type,
        "content-length": String(object.size),
        "content-disposition": `${isImage({ type }) ? "inline" : "attachment"}; filename="${name.replace(/"/g, "")}"`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "cache-control": "private, max-age=3600",
      },
    });
  });
