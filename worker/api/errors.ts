/**
 * Bad input answered where it enters: malformed JSON and schema failures become a 400 whose
 * message names the field, and every error leaves as `{ error: { status, message } }`.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";

export function fail(status: ContentfulStatusCode, message: string): never {
  throw new HTTPException(status, { message });
}

/** The request's JSON body, parsed by `schema`, or a 400 naming what is wrong. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    fail(400, "Malformed JSON body");
  }
  return parseBody(body, schema);
}

/** A parsed JSON body checked by `schema`, or a 400 naming what is wrong. */
export function parseBody<S extends z.ZodType>(body: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) fail(400, describeIssues(parsed.error.issues));
  return parsed.data;
}

/** Up to five issues, each after its field's path (`rows[12].cells.Distance: …`). */
export function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${fieldPath(i.path)}: ${i.message}` : i.message))
    .join("; ");
}

function fieldPath(path: PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i ? `.${String(key)}` : String(key))).join("");
}

export function onError(err: Error, c: Context) {
  if (err instanceof HTTPException) {
    return c.json({ error: { status: err.status, message: err.message } }, err.status);
  }
  console.error("rowpilot: unhandled error", c.req.method, c.req.path, err);
  return c.json({ error: { status: 500, message: "Internal error" } }, 500);
}
