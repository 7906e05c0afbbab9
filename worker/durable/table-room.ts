/**
 * TableRoom: one Durable Object per table, owner of its Yjs documents, update log, snapshots,
 * row index and triggers. It holds no tables yet, so it answers every request with 404.
 */
import { DurableObject } from "cloudflare:workers";

export class TableRoom extends DurableObject<Env> {
  override async fetch(_request: Request): Promise<Response> {
    return Response.json({ error: { status: 404, message: "Unknown table" } }, { status: 404 });
  }
}
