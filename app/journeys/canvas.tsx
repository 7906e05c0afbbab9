/**
 * The builder's canvas: React Flow over the draft definition. Cards come from the definition
 * (positions from `layout`), edges from each node's named edges; dragging a card saves its
 * position, connecting a handle sets that edge, and Delete removes the selected card or edge.
 */
import "@xyflow/react/dist/style.css";
import {
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MarkerType,
  type Node,
  type NodeChange,
  ReactFlow,
} from "@xyflow/react";
import { useEffect, useMemo, useState } from "react";
import type { JourneyDefinition } from "../../schema/journeys";
import { ENTRY_ID, outlets, positions, removeNode, setEdge } from "./graph";
import { type CardData, type EntryData, NODE_TYPES } from "./node-card";
import { entryInWords } from "./summary";

export type Selection = { type: "node"; id: string } | { type: "edge"; id: string } | null;

type Props = {
  def: JourneyDefinition;
  /** Takes an update, not a value: one delete sends node and edge removals in the same tick. */
  onChange: (update: (def: JourneyDefinition) => JourneyDefinition) => void;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  live: Map<string, { now: number; entered: number }>;
  problems: Map<string, string>;
  path: Set<string>;
};

/** An edge's id carries its source and handle, so removing it knows which edge to clear. */
const edgeId = (source: string, handle: string) => `${source}::${handle}`;

type Marks = Pick<Props, "selection" | "live" | "problems" | "path">;

function flowNodes(def: JourneyDefinition, props: Marks, before: Node[]): Node[] {
  const placed = positions(def);
  const kept = new Map(before.map((n) => [n.id, n]));
  const selectedId = props.selection?.type === "node" ? props.selection.id : null;
  const entry: Node<EntryData> = {
    ...kept.get(ENTRY_ID),
    id: ENTRY_ID,
    type: "entry",
    position: placed[ENTRY_ID]!,
    data: { summary: entryInWords(def.entry) },
    deletable: false,
    selected: selectedId === ENTRY_ID,
  };
  const cards = def.nodes.map(
    (node): Node<CardData> => ({
      ...kept.get(node.id),
      id: node.id,
      type: node.kind,
      position: placed[node.id]!,
      ariaLabel: `${node.label || node.kind} ${node.id}`,
      selected: selectedId === node.id,
      data: {
        node,
        live: props.live.get(node.id) ?? null,
        problem: props.problems.get(node.id) ?? null,
        onPath: props.path.has(node.id),
        start: def.start === node.id,
      },
    }),
  );
  return [entry, ...cards];
}

function flowEdges(def: JourneyDefinition, selection: Selection, path: Set<string>): Edge[] {
  const edges: Edge[] = [];
  const add = (source: string, handle: string, label: string, target: string | null) => {
    if (!target || !def.nodes.some((n) => n.id === target)) return;
    const id = edgeId(source, handle);
    const walked = path.has(source) && path.has(target);
    edges.push({
      id,
      source,
      sourceHandle: handle,
      target,
      label: label === "next" ? undefined : label,
      selected: selection?.type === "edge" && selection.id === id,
      markerEnd: { type: MarkerType.ArrowClosed },
      animated: walked,
      style: walked ? { stroke: "var(--success)", strokeWidth: 2 } : undefined,
    });
  };
  add(ENTRY_ID, "next", "next", def.start || null);
  for (const node of def.nodes) for (const o of outlets(node)) add(node.id, o.handle, o.label, o.target);
  return edges;
}

export function JourneyCanvas(props: Props) {
  const { def, onChange, onSelect, selection } = props;
  const [nodes, setNodes] = useState<Node[]>([]);
  // Cards follow the definition; React Flow's own measurements and drag state are kept.
  const { live, problems, path } = props;
  useEffect(
    () => setNodes((before) => flowNodes(def, { selection, live, problems, path }, before)),
    [def, selection, live, problems, path],
  );
  const edges = useMemo(() => flowEdges(def, selection, path), [def, selection, path]);

  const onNodesChange = (changes: NodeChange[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
    const moved = new Map<string, { x: number; y: number }>();
    const removed: string[] = [];
    for (const change of changes) {
      if (change.type === "position" && change.dragging === false) {
        const at = change.position ?? nodes.find((n) => n.id === change.id)?.position;
        if (at) moved.set(change.id, { x: Math.round(at.x), y: Math.round(at.y) });
      }
      if (change.type === "remove" && change.id !== ENTRY_ID) removed.push(change.id);
      if (change.type === "select" && change.selected) onSelect({ type: "node", id: change.id });
    }
    if (moved.size > 0) onChange((d) => ({ ...d, layout: { ...d.layout, ...Object.fromEntries(moved) } }));
    if (removed.length > 0) {
      onChange((d) => removed.reduce(removeNode, d));
      onSelect(null);
    }
  };

  const onEdgesChange = (changes: EdgeChange[]) => {
    const removed: [string, string][] = [];
    for (const change of changes) {
      if (change.type === "select" && change.selected) onSelect({ type: "edge", id: change.id });
      if (change.type === "remove") removed.push(change.id.split("::") as [string, string]);
    }
    if (removed.length > 0) {
      onChange((d) => removed.reduce((acc, [source, handle]) => setEdge(acc, source, handle, null), d));
      onSelect(null);
    }
  };

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={(c: Connection) => {
        if (c.source === c.target) return;
        onChange((d) => setEdge(d, c.source, c.sourceHandle ?? "next", c.target));
      }}
      onPaneClick={() => onSelect(null)}
      deleteKeyCode={["Delete", "Backspace"]}
      fitView
      fitViewOptions={{ maxZoom: 1 }}
      minZoom={0.3}
      aria-label="Journey canvas"
    >
      <Background gap={20} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
