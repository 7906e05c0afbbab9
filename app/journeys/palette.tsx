/** The palette: a button per node kind; clicking one adds that node to the canvas and selects it. */
import type { JourneyNodeKind } from "../../schema/journeys";
import { KIND_ICONS } from "./node-card";
import { KIND_LABELS } from "./summary";

const GROUPS: { title: string; kinds: JourneyNodeKind[] }[] = [
  { title: "Messages", kinds: ["send", "handoff", "notify"] },
  { title: "Flow", kinds: ["wait", "condition", "split", "goal", "exit"] },
  { title: "Actions", kinds: ["update", "create-row", "webhook", "start-contact", "generate-site"] },
];

export function Palette({ onAdd, disabled }: { onAdd: (kind: JourneyNodeKind) => void; disabled: boolean }) {
  return (
    <nav aria-label="Add a node" className="flex flex-col gap-3">
      {GROUPS.map((g) => (
        <div key={g.title}>
          <p className="mb-1 px-1 text-[11px] font-medium uppercase tracking-wide text-muted">{g.title}</p>
          <div className="flex flex-wrap gap-1 lg:flex-col">
            {g.kinds.map((kind) => {
              const Icon = KIND_ICONS[kind];
              return (
                <button
                  key={kind}
                  type="button"
                  disabled={disabled}
                  onClick={() => onAdd(kind)}
                  aria-label={`Add ${KIND_LABELS[kind]}`}
                  className="flex h-8 items-center gap-2 rounded-md border border-line bg-surface px-2 text-[13px] hover:bg-surface-2 disabled:opacity-50"
                >
                  <Icon className="h-4 w-4 text-accent" aria-hidden />
                  {KIND_LABELS[kind]}
                </button>
              );
            })}
          </div>
        </div>
      ))}
    </nav>
  );
}
