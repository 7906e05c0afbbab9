/**
 * The project's dealerships, filtered by status with tabs; rows not yet contacted can be
 * selected and marked as contacted manually, one at a time or together.
 */
import { useState } from "react";
import { attachmentUrl, isImage } from "../../../schema/attachments";
import type { ContactStatus, DealershipRecord } from "../../../schema/projects";
import { Button, cn } from "../../components/ui";
import { formatAgo } from "../../grid/time";
import { ContactStatusChip } from "../chips";
import { categoryLabel, formatMiles } from "../format";
import { OverrideDialog } from "./override-dialog";

const TABS: { label: string; statuses: ContactStatus[] | null }[] = [
  { label: "All", statuses: null },
  { label: "Pending", statuses: ["pending", "queued"] },
  { label: "Running", statuses: ["running"] },
  { label: "Success", statuses: ["success"] },
  { label: "Failed", statuses: ["failed"] },
  { label: "Manual", statuses: ["manual_override"] },
];

/** The brief's overrides: failed → manual, pending → manual (and queued, which is pending taken by a run). */
const OVERRIDABLE: ContactStatus[] = ["pending", "queued", "failed"];

type Props = {
  dealerships: DealershipRecord[];
  tableId: string;
  canEdit: boolean;
  onOverride: (rowIds: string[], note: string) => Promise<void>;
};

export function DealershipTable({ dealerships, tableId, canEdit, onOverride }: Props) {
  const [tab, setTab] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [overriding, setOverriding] = useState<DealershipRecord[] | null>(null);
  const statuses = TABS[tab]!.statuses;
  const shown = statuses ? dealerships.filter((d) => statuses.includes(d.status)) : dealerships;
  const selectable = canEdit ? shown.filter((d) => OVERRIDABLE.includes(d.status)) : [];
  // A row that changed status or left the tab since it was ticked is no longer selected.
  const picked = selectable.filter((d) => selected.has(d.id));
  const allPicked = selectable.length > 0 && picked.length === selectable.length;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="flex flex-col gap-3">
      <div role="tablist" aria-label="Filter by status" className="flex gap-1 overflow-x-auto">
        {TABS.map((t, i) => {
          const count = t.statuses
            ? dealerships.filter((d) => t.statuses!.includes(d.status)).length
            : dealerships.length;
          return (
            <button
              key={t.label}
              type="button"
              role="tab"
              aria-selected={i === tab}
              onClick={() => {
                setTab(i);
                setSelected(new Set());
              }}
              className={cn(
                "flex h-8 shrink-0 items-center gap-1.5 rounded-md px-2.5 text-[13px] font-medium",
                i === tab ? "bg-accent-soft text-accent" : "text-muted hover:bg-surface-2 hover:text-fg",
              )}
            >
              {t.label}
              <span className="text-xs tabular-nums opacity-70">{count}</span>
            </button>
          );
        })}
      </div>
      {picked.length ? (
        <div className="flex items-center justify-between gap-3 rounded-md bg-accent-soft px-3 py-1.5 text-[13px]">
          <span>{picked.length} selected</span>
          <span className="flex gap-2">
            <Button variant="ghost" className="h-7" onClick={() => setSelected(new Set())}>
              Clear
            </Button>
            <Button variant="primary" className="h-7" onClick={() => setOverriding(picked)}>
              Mark as contacted manually
            </Button>
          </span>
        </div>
      ) : null}
      {shown.length === 0 ? (
        <p className="py-6 text-center text-[13px] text-muted">No dealerships with this status.</p>
      ) : (
        <div className="max-h-[560px] overflow-auto rounded-md border border-line">
          <table aria-label="Dealerships" className="w-full text-left text-[13px]">
            <thead className="sticky top-0 z-10 bg-surface-2 text-xs text-muted">
              <tr>
                {canEdit ? (
                  <th className="w-8 px-2 py-2">
                    <input
                      type="checkbox"
                      aria-label="Select every dealership that can be marked"
                      checked={allPicked}
                      disabled={selectable.length === 0}
                      onChange={() => setSelected(allPicked ? new Set() : new Set(selectable.map((d) => d.id)))}
                    />
                  </th>
                ) : null}
                <th className="px-2 py-2 font-medium">Dealer</th>
                <th className="px-2 py-2 text-right font-medium">Distance</th>
                <th className="px-2 py-2 font-medium max-sm:hidden">Status</th>
                <th className="px-2 py-2 font-medium">Why</th>
                <th className="px-2 py-2 font-medium">Last try</th>
                <th className="px-2 py-2 font-medium">Screenshot</th>
                {canEdit ? <th className="px-2 py-2" /> : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((d) => {
                const can = canEdit && OVERRIDABLE.includes(d.status);
                const shot = d.screenshots.find(isImage);
                return (
                  <tr
                    key={d.id}
                    className={cn("border-t border-line align-top", selected.has(d.id) && can && "bg-accent-soft/50")}
                  >
                    {canEdit ? (
                      <td className="px-2 py-2">
                        {can ? (
                          <input
                            type="checkbox"
                            aria-label={`Select ${d.name}`}
                            checked={selected.has(d.id)}
                            onChange={() => toggle(d.id)}
                          />
                        ) : null}
                      </td>
                    ) : null}
                    <td className="max-w-60 px-2 py-2">
                      <p className="font-medium">
                        {d.website ? (
                          <a href={d.website} target="_blank" rel="noreferrer" className="hover:text-accent">
                            {d.name}
                          </a>
                        ) : (
                          d.name
                        )}
                      </p>
                      <p className="truncate text-xs text-muted" title={d.address}>
                        {d.makes.join(", ")} · {d.address}
                      </p>
                      {d.notes ? <p className="mt-0.5 text-xs italic">{d.notes}</p> : null}
                      <p className="mt-1 sm:hidden">
                        <ContactStatusChip status={d.status} />
                      </p>
                    </td>
                    <td className="px-2 py-2 text-right whitespace-nowrap tabular-nums">
                      {formatMiles(d.distanceMiles)}
                    </td>
                    <td className="px-2 py-2 max-sm:hidden">
                      <ContactStatusChip status={d.status} />
                    </td>
                    <td className="max-w-52 px-2 py-2 wrap-anywhere">
                      {d.category ? <p className="font-medium">{categoryLabel(d.category)}</p> : null}
                      {d.reason ? (
                        <p className="line-clamp-2 text-xs text-muted" title={d.reason}>
                          {d.reason}
                        </p>
                      ) : null}
                    </td>
                    <td className="px-2 py-2 whitespace-nowrap text-muted">
                      {d.lastAttempt ? (
                        <time dateTime={d.lastAttempt} suppressHydrationWarning>
                          {formatAgo(d.lastAttempt)}
                        </time>
                      ) : (
                        "—"
                      )}
                      {d.attempts ? (
                        <span className="block text-xs">{d.attempts === 1 ? "1 try" : `${d.attempts} tries`}</span>
                      ) : null}
                    </td>
                    <td className="px-2 py-2">
                      {shot ? (
                        <a
                          href={attachmentUrl(tableId, shot.key)}
                          target="_blank"
                          rel="noreferrer"
                          aria-label={`Screenshot of ${d.name}`}
                        >
                          <img
                            src={attachmentUrl(tableId, shot.key)}
                            alt=""
                            loading="lazy"
                            className="h-9 w-14 rounded border border-line object-cover object-top"
                          />
                        </a>
                      ) : null}
                    </td>
                    {canEdit ? (
                      <td className="px-2 py-2 text-right">
                        {can ? (
                          <Button variant="ghost" className="h-7 px-2 text-xs" onClick={() => setOverriding([d])}>
                            Mark manual
                          </Button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <OverrideDialog
        who={overriding ? (overriding.length === 1 ? overriding[0]!.name : `${overriding.length} dealerships`) : null}
        onClose={() => setOverriding(null)}
        onSave={async (note) => {
          await onOverride(
            overriding!.map((d) => d.id),
            note,
          );
          setSelected(new Set());
        }}
      />
    </div>
  );
}
