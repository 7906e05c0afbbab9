/**
 * What stops a draft from being saved at all (the API's schema refuses it with a 400), said
 * before it is sent and naming the node: a split branch not connected, an empty message body,
 * a journey with no start. Publish-time problems (cycles, unreachable nodes…) are the API's.
 */
import { JourneyDefinition } from "../../schema/journeys";

export type DraftCheck = { ok: true; def: JourneyDefinition } | { ok: false; node: string | null; message: string };

export function checkDraft(def: JourneyDefinition): DraftCheck {
  const parsed = JourneyDefinition.safeParse(def);
  if (parsed.success) return { ok: true, def: parsed.data };
  const issue = parsed.error.issues[0]!;
  const [head, index, ...rest] = issue.path;
  if (head === "start")
    return { ok: false, node: null, message: "Connect the Entry card to the journey's first node." };
  if (head === "nodes" && typeof index === "number") {
    const node = def.nodes[index];
    if (node?.kind === "split" && rest[0] === "branches" && rest[2] === "next")
      return { ok: false, node: node.id, message: `${node.id}: connect branch ${Number(rest[1]) + 1} to a node.` };
    const where = rest.length > 0 ? ` (${rest.join(".")})` : "";
    return { ok: false, node: node?.id ?? null, message: `${node?.id ?? "A node"}${where}: ${issue.message}` };
  }
  if (head === "nodes") return { ok: false, node: null, message: "Add at least one node from the palette." };
  return { ok: false, node: null, message: `${issue.path.join(".") || "The journey"}: ${issue.message}` };
}
