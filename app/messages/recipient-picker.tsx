/**
 * Choosing who a message goes to: a search box over the workspace's businesses (and leads), and
 * the matches as radio buttons, so arrow keys move through them and the choice is announced.
 */
import { Search } from "lucide-react";
import { useId, useState } from "react";
import { Input } from "../components/ui";
import { matchesSearch } from "./format";
import type { Recipient } from "./recipients";

/** Enough matches to pick from without a long scroll; a search narrows the rest. */
const SHOWN = 40;

const keyOf = (r: Pick<Recipient, "table" | "rowId">) => `${r.table}:${r.rowId}`;

export function RecipientPicker({
  recipients,
  chosen,
  onChoose,
  disabled,
}: {
  recipients: Recipient[];
  chosen: Recipient | null;
  onChoose: (recipient: Recipient) => void;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState("");
  const name = useId();
  const matches = recipients.filter((r) => matchesSearch(r, search));
  const shown = matches.slice(0, SHOWN);
  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5" disabled={disabled}>
      <legend className="mb-1.5 text-[13px] font-medium">Recipient</legend>
      <div className="relative">
        <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-muted" aria-hidden />
        <Input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Search by name"
          aria-label="Search recipients"
          className="pl-8"
        />
      </div>
      <div className="max-h-48 overflow-y-auto rounded-md border border-line" role="radiogroup" aria-label="Recipients">
        {shown.length === 0 ? (
          <p className="px-3 py-2 text-[13px] text-muted">No one matches “{search}”.</p>
        ) : (
          shown.map((r) => (
            <label
              key={keyOf(r)}
              className="flex cursor-pointer items-start gap-2 border-b border-line px-3 py-2 last:border-b-0 has-[:checked]:bg-accent-soft has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
            >
              <input
                type="radio"
                name={name}
                className="mt-0.5 accent-[var(--accent)]"
                checked={chosen ? keyOf(chosen) === keyOf(r) : false}
                onChange={() => onChoose(r)}
              />
              <span className="min-w-0">
                <span className="block truncate text-[13px] font-medium">{r.name}</span>
                <span className="block truncate text-xs text-muted">
                  {r.source} · {r.detail}
                </span>
              </span>
            </label>
          ))
        )}
      </div>
      {matches.length > shown.length ? (
        <p className="text-xs text-muted">
          Showing {shown.length} of {matches.length}; search to narrow them.
        </p>
      ) : null}
    </fieldset>
  );
}
