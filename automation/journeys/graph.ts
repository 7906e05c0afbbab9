/**
 * A journey as a graph: its nodes by id and each node's named outgoing edges. The runner, the
 * test run, validation, analytics and the builder's canvas all read edges through here, so an
 * edge means the same thing everywhere.
 */
import type { JourneyDefinition, JourneyNode } from "../../schema/journeys";

/** An outgoing edge: its name (`next`, `yes`, `no`, `timeout`, `fallback` or a split's label) and target node id. */
export type NamedEdge = { name: string; to: string };

/** The node with `id`, or null. */
export function nodeById(def: Pick<JourneyDefinition, "nodes">, id: string): JourneyNode | null {
  return def.nodes.find((node) => node.id === id) ?? null;
}

/**
 * Every outgoing edge of `node`, in the order the canvas draws them.
 * @example edgesOf({ id: "c", kind: "condition", formula: "1", yes: "a", no: "b" }) // [{ name: "yes", to: "a" }, { name: "no", to: "b" }]
 */
export function edgesOf(node: JourneyNode): NamedEdge[] {
  const named = (pairs: [string, string | undefined][]) =>
    pairs.filter((pair): pair is [string, string] => pair[1] !== undefined).map(([name, to]) => ({ name, to }));
  switch (node.kind) {
    case "exit":
      return [];
    case "split":
      return node.branches.map((branch) => ({ name: branch.label, to: branch.next }));
    case "condition":
      return named([
        ["yes", node.yes],
        ["no", node.no],
      ]);
    case "wait":
    case "handoff":
      return named([
        ["next", node.next],
        ["timeout", node.timeout],
      ]);
    case "send":
      return named([
        ["next", node.next],
        ["fallback", node.fallback],
      ]);
    default:
      return named([["next", node.next]]);
  }
}

/**
 * The node id `edge` of `node` leads to; null when the node has no such edge (the journey ends
 * there). A send's `fallback` is its `next` when it names none, and so is a wait's or a handoff's
 * `timeout`: a wait with no timeout branch goes on the same way whether or not the event came.
 * @example edgeTarget(split, "B") // the id of branch B's next node
 */
export function edgeTarget(node: JourneyNode, edge: string): string | null {
  if (edge === "fallback" && node.kind === "send") return node.fallback ?? node.next ?? null;
  if (edge === "timeout" && (node.kind === "wait" || node.kind === "handoff")) return node.timeout ?? node.next ?? null;
  return edgesOf(node).find((e) => e.name === edge)?.to ?? null;
}
