/**
 * The builder's edits to a journey definition, as plain data in and out: the edges each node
 * kind has (the canvas's named source handles), connecting and disconnecting them, adding and
 * removing nodes, and where each node sits. The canvas is a thin shell around these.
 */
import type { JourneyDefinition, JourneyNode, JourneyNodeKind } from "../../schema/journeys";

/** The canvas's entry card: not a node of the definition; its one edge is the journey's `start`. */
export const ENTRY_ID = "__entry";

/** One source handle of a node: the edge it sets and where that edge leads now. */
export type Outlet = { handle: string; label: string; target: string | null };

const SPLIT_HANDLE = "branch-";

/** The edges a node has, in the order the card shows them. */
export function outlets(node: JourneyNode): Outlet[] {
  const one = (handle: string, label: string, target: string | undefined): Outlet => ({
    handle,
    label,
    target: target || null,
  });
  switch (node.kind) {
    case "send":
      return [one("next", "next", node.next), one("fallback", "fallback", node.fallback)];
    case "wait":
      return node.until && "event" in node.until
        ? [one("next", "event", node.next), one("timeout", "timeout", node.timeout)]
        : [one("next", "next", node.next)];
    case "condition":
      return [one("yes", "yes", node.yes), one("no", "no", node.no)];
    case "handoff":
      return "person" in node.to
        ? [one("next", "taken", node.next), one("timeout", "timeout", node.timeout)]
        : [one("next", "next", node.next)];
    case "split":
      return node.branches.map((b, i) => one(`${SPLIT_HANDLE}${i}`, b.label, b.next));
    case "exit":
      return [];
    default:
      return [one("next", "next", node.next)];
  }
}

/** The node with edge `handle` leading to `target` (null: disconnected). */
function withEdge(node: JourneyNode, handle: string, target: string | null): JourneyNode {
  if (node.kind === "split" && handle.startsWith(SPLIT_HANDLE)) {
    const index = Number(handle.slice(SPLIT_HANDLE.length));
    // A branch always names a node; a disconnected one keeps an empty name until it is connected again.
    return { ...node, branches: node.branches.map((b, i) => (i === index ? { ...b, next: target ?? "" } : b)) };
  }
  const copy = { ...node } as Record<string, unknown>;
  if (target === null) delete copy[handle];
  else copy[handle] = target;
  return copy as JourneyNode;
}

/** Sets (or with null clears) one edge; the entry card's edge is the journey's start. */
export function setEdge(
  def: JourneyDefinition,
  source: string,
  handle: string,
  target: string | null,
): JourneyDefinition {
  if (source === ENTRY_ID) return target === null ? def : { ...def, start: target };
  return { ...def, nodes: def.nodes.map((n) => (n.id === source ? withEdge(n, handle, target) : n)) };
}

/** Removes a node, every edge leading to it and its place on the canvas. */
export function removeNode(def: JourneyDefinition, id: string): JourneyDefinition {
  const nodes = def.nodes
    .filter((n) => n.id !== id)
    .map((n) => outlets(n).reduce((node, o) => (o.target === id ? withEdge(node, o.handle, null) : node), n));
  const { [id]: _gone, ...layout } = def.layout ?? {};
  return { ...def, nodes, layout, start: def.start === id ? "" : def.start };
}

const NEW_NODES: { [K in JourneyNodeKind]: Omit<Extract<JourneyNode, { kind: K }>, "id"> } = {
  send: { kind: "send", channel: "email", template: { subject: "Hi {{lead.Name}}", body: "Hello {{lead.Name}}," } },
  wait: { kind: "wait", seconds: 86_400 },
  condition: {
    kind: "condition",
    all: [{ type: "property", field: "Score", operator: "greater_than", value: 50 }],
  },
  update: { kind: "update", fields: { Stage: "nurturing" } },
  "create-row": { kind: "create-row", table: "", cells: {} },
  webhook: { kind: "webhook", url: "https://example.com/hook" },
  handoff: { kind: "handoff", to: { person: "owner" }, reason: "Ready for a person" },
  notify: { kind: "notify", to: "owner", message: "{{lead.Name}} needs a look" },
  "start-contact": { kind: "start-contact" },
  "generate-site": { kind: "generate-site", publish: false },
  split: {
    kind: "split",
    branches: [
      { label: "A", weight: 50, next: "" },
      { label: "B", weight: 50, next: "" },
    ],
  },
  goal: { kind: "goal" },
  exit: { kind: "exit" },
};

/** An unused id for a new node of `kind`: `send-1`, `send-2`… */
export function freshId(def: JourneyDefinition, kind: JourneyNodeKind): string {
  const taken = new Set(def.nodes.map((n) => n.id));
  let n = 1;
  while (taken.has(`${kind}-${n}`)) n++;
  return `${kind}-${n}`;
}

/** Adds a node of `kind` at `at`; it becomes the start when the journey has none. */
export function addNode(
  def: JourneyDefinition,
  kind: JourneyNodeKind,
  at: { x: number; y: number },
): { id: string; def: JourneyDefinition } {
  const id = freshId(def, kind);
  const node = { ...structuredClone(NEW_NODES[kind]), id } as JourneyNode;
  const start = def.start && def.nodes.some((n) => n.id === def.start) ? def.start : id;
  return { id, def: { ...def, start, nodes: [...def.nodes, node], layout: { ...def.layout, [id]: at } } };
}

/** Replaces one node (the side panel's edits). */
export function replaceNode(def: JourneyDefinition, node: JourneyNode): JourneyDefinition {
  return { ...def, nodes: def.nodes.map((n) => (n.id === node.id ? node : n)) };
}

/** Horizontal and vertical room per node when placing nodes that have no saved position. */
const COLUMN_PX = 260;
const ROW_PX = 150;

/**
 * Every node's position: the saved layout, else a place by its depth from the start (rows top to
 * bottom, siblings side by side), so templates and API-made journeys open readable.
 */
export function positions(def: JourneyDefinition): Record<string, { x: number; y: number }> {
  const placed: Record<string, { x: number; y: number }> = {};
  const depth = new Map<string, number>();
  const queue = def.start ? [def.start] : [];
  depth.set(ENTRY_ID, 0);
  if (def.start) depth.set(def.start, 1);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const node = def.nodes.find((n) => n.id === id);
    for (const o of node ? outlets(node) : []) {
      if (o.target && !depth.has(o.target)) {
        depth.set(o.target, (depth.get(id) ?? 0) + 1);
        queue.push(o.target);
      }
    }
  }
  const perRow = new Map<number, number>();
  const maxDepth = Math.max(0, ...depth.values());
  for (const id of [ENTRY_ID, ...def.nodes.map((n) => n.id)]) {
    const d = depth.get(id) ?? maxDepth + 1;
    const slot = perRow.get(d) ?? 0;
    perRow.set(d, slot + 1);
    placed[id] = def.layout?.[id] ?? { x: slot * COLUMN_PX, y: d * ROW_PX };
  }
  return placed;
}
