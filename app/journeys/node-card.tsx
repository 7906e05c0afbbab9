/**
 * The canvas's cards: one component per node kind (its icon, label and one-line summary), a
 * target handle on top and a named source handle per edge at the bottom (dragging from "yes"
 * sets the yes edge), the live count of leads there now and how many entered, and a red outline
 * when publishing found a problem there.
 */
import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import {
  Bell,
  GitBranch,
  Globe,
  Handshake,
  Hourglass,
  LogOut,
  type LucideIcon,
  Mail,
  PenLine,
  PhoneCall,
  Play,
  Split,
  TableProperties,
  Target,
  Webhook,
} from "lucide-react";
import type { ComponentType } from "react";
import type { JourneyNode, JourneyNodeKind } from "../../schema/journeys";
import { cn } from "../components/ui";
import { outlets } from "./graph";
import { KIND_LABELS, nodeSummary } from "./summary";

export const KIND_ICONS: Record<JourneyNodeKind, LucideIcon> = {
  send: Mail,
  wait: Hourglass,
  condition: GitBranch,
  update: PenLine,
  "create-row": TableProperties,
  webhook: Webhook,
  handoff: Handshake,
  notify: Bell,
  "start-contact": PhoneCall,
  "generate-site": Globe,
  split: Split,
  goal: Target,
  exit: LogOut,
};

export type CardData = {
  node: JourneyNode;
  /** Leads there now and how many entered (null before the analytics came in). */
  live: { now: number; entered: number } | null;
  problem: string | null;
  /** On the path the last test run took. */
  onPath: boolean;
  start: boolean;
};
export type EntryData = { summary: string };
export type CardNode = Node<CardData, JourneyNodeKind>;
export type EntryNode = Node<EntryData, "entry">;

const frame = (selected: boolean, problem: boolean, onPath: boolean) =>
  cn(
    "w-56 rounded-lg border bg-surface text-left shadow-sm",
    selected ? "border-accent ring-2 ring-accent/30" : "border-line",
    onPath && "border-success ring-2 ring-success/40",
    problem && "border-danger ring-2 ring-danger/40",
  );

function JourneyCard({ data, selected }: NodeProps<CardNode>) {
  const { node, live, problem, onPath, start } = data;
  const Icon = KIND_ICONS[node.kind];
  const edges = outlets(node);
  const label = node.label || KIND_LABELS[node.kind];
  return (
    <div
      className={frame(Boolean(selected), problem !== null, onPath)}
      data-node-id={node.id}
      data-problem={problem ? "true" : undefined}
      data-on-path={onPath ? "true" : undefined}
      title={problem ?? undefined}
    >
      <Handle type="target" position={Position.Top} className="!h-2.5 !w-2.5 !bg-muted" />
      <div className="flex items-center gap-2 border-b border-line px-3 py-2">
        <Icon className="h-4 w-4 shrink-0 text-accent" aria-hidden />
        <span className="min-w-0 flex-1 truncate text-[13px] font-medium">{label}</span>
        {live ? (
          <span
            className="rounded bg-accent-soft px-1.5 py-0.5 text-[11px] font-medium tabular-nums text-accent"
            title={`${live.now} here now, ${live.entered} entered`}
            data-live-now={live.now}
            data-live-entered={live.entered}
          >
            {live.now} now · {live.entered} in
          </span>
        ) : null}
      </div>
      <p className="truncate px-3 py-2 text-xs text-muted">{nodeSummary(node)}</p>
      <p className="flex justify-between px-3 pb-1 text-[10px] text-muted">
        <span className="font-mono">{node.id}</span>
        {start ? <span className="font-medium text-accent">start</span> : null}
      </p>
      {problem ? <p className="border-t border-danger/30 px-3 py-1.5 text-[11px] text-danger">{problem}</p> : null}
      {edges.length > 0 ? (
        <div className="flex justify-around border-t border-line px-1 pt-1 pb-2 text-[10px] text-muted">
          {edges.map((e) => (
            <span key={e.handle} className="relative">
              {e.label}
              <Handle
                id={e.handle}
                type="source"
                position={Position.Bottom}
                aria-label={`${label}: ${e.label} edge`}
                className="!-bottom-3 !h-3 !w-3 !bg-accent"
              />
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function EntryCard({ data, selected }: NodeProps<EntryNode>) {
  return (
    <div className={frame(Boolean(selected), false, false)} data-node-id="entry">
      <div className="flex items-center gap-2 px-3 py-2">
        <Play className="h-4 w-4 shrink-0 text-success" aria-hidden />
        <span className="text-[13px] font-medium">Entry</span>
      </div>
      <p className="truncate px-3 pb-3 text-xs text-muted">{data.summary}</p>
      <Handle id="next" type="source" position={Position.Bottom} className="!h-3 !w-3 !bg-success" />
    </div>
  );
}

/** Each kind's card (React Flow picks the component by node type); the entry has its own. */
export const NODE_TYPES: Record<string, ComponentType<NodeProps<CardNode>> | ComponentType<NodeProps<EntryNode>>> = {
  entry: EntryCard,
  ...(Object.fromEntries(Object.keys(KIND_LABELS).map((kind) => [kind, JourneyCard])) as Record<
    JourneyNodeKind,
    typeof JourneyCard
  >),
};
