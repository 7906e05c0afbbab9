/** The journey's own settings: name, table, re-entry, how rows enter, caps, quiet hours and the events that end it. */
import { Plus, X } from "lucide-react";
import type { CapRule, JourneyDefinition, JourneyEntry } from "../../schema/journeys";
import { JOURNEY_CHANNELS, REENTRY } from "../../schema/journeys";
import { Button, Field, Input, Select } from "../components/ui";
import { channelName } from "./summary";

type Props = {
  def: JourneyDefinition;
  onChange: (def: JourneyDefinition) => void;
  tables: { id: string; name: string }[];
  hookUrl: string | null;
};

const REENTRY_WORDS: Record<(typeof REENTRY)[number], string> = {
  never: "Never: once per row",
  "after-exit": "After its last enrollment ended",
  any: "Any time",
};

/** The events offered as exit criteria; other names come from webhooks. */
const EXIT_EVENTS = ["replied", "unsubscribed", "claimed", "converted", "bounced"];

const NEW_ENTRIES: Record<JourneyEntry["kind"], JourneyEntry> = {
  manual: { kind: "manual" },
  "row-enters": { kind: "row-enters" },
  formula: { kind: "formula", when: "{Score} > 50" },
  event: { kind: "event", type: "clicked" },
  schedule: { kind: "schedule", cron: "0 9 * * 1" },
  webhook: { kind: "webhook" },
};

function EntryFields({
  entry,
  onChange,
  hookUrl,
}: {
  entry: JourneyEntry;
  onChange: (e: JourneyEntry) => void;
  hookUrl: string | null;
}) {
  switch (entry.kind) {
    case "formula":
      return (
        <Field label="When this turns true" hint="A formula over the row, such as {Score} > 50">
          <Input value={entry.when} onChange={(e) => onChange({ ...entry, when: e.target.value })} />
        </Field>
      );
    case "event":
      return (
        <div className="grid grid-cols-2 gap-2">
          <Field label="Event">
            <Input value={entry.type} onChange={(e) => onChange({ ...entry, type: e.target.value })} />
          </Field>
          <Field label="Key (optional)">
            <Input value={entry.key ?? ""} onChange={(e) => onChange({ ...entry, key: e.target.value || undefined })} />
          </Field>
        </div>
      );
    case "schedule":
      return (
        <>
          <Field label="Cron (UTC)" hint="0 9 * * 1: Mondays at 09:00">
            <Input value={entry.cron} onChange={(e) => onChange({ ...entry, cron: e.target.value })} />
          </Field>
          <Field label="Rows where (optional)">
            <Input
              value={entry.when ?? ""}
              onChange={(e) => onChange({ ...entry, when: e.target.value || undefined })}
            />
          </Field>
        </>
      );
    case "webhook":
      return (
        <p className="text-xs text-muted">
          {hookUrl
            ? `Post { rowId } or { email } to ${hookUrl} with the journey's secret.`
            : "Its URL and secret show once it is saved."}
        </p>
      );
    case "row-enters":
      return <p className="text-xs text-muted">Each row added to the journey's table enters once published.</p>;
    default:
      return null;
  }
}

function CapRow({
  cap,
  onChange,
  onRemove,
  n,
}: {
  cap: CapRule;
  onChange: (c: CapRule) => void;
  onRemove: () => void;
  n: number;
}) {
  const inDays = cap.perDays !== undefined;
  return (
    <div className="grid grid-cols-[4rem_1fr_5rem_auto] items-center gap-2 text-[13px]">
      <Input
        aria-label={`Cap ${n} max`}
        type="number"
        min={1}
        value={cap.max}
        onChange={(e) => onChange({ ...cap, max: Number(e.target.value) })}
      />
      <Select
        aria-label={`Cap ${n} channel`}
        value={cap.channel}
        onChange={(e) => onChange({ ...cap, channel: e.target.value as CapRule["channel"] })}
      >
        <option value="any">messages, any channel</option>
        {JOURNEY_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {channelName(c)} messages
          </option>
        ))}
      </Select>
      <Input
        aria-label={`Cap ${n} window`}
        type="number"
        min={1}
        value={cap.perDays ?? cap.perSeconds ?? 1}
        onChange={(e) => {
          const value = Number(e.target.value);
          onChange(inDays ? { ...cap, perDays: value } : { ...cap, perSeconds: Math.round(value) });
        }}
      />
      <Button variant="ghost" aria-label={`Remove cap ${n}`} onClick={onRemove}>
        <X className="h-4 w-4" aria-hidden />
      </Button>
      <Select
        aria-label={`Cap ${n} unit`}
        className="col-span-2"
        value={inDays ? "days" : "seconds"}
        onChange={(e) => {
          const { perDays: _d, perSeconds: _s, ...rest } = cap;
          onChange(e.target.value === "days" ? { ...rest, perDays: 7 } : { ...rest, perSeconds: 60 });
        }}
      >
        <option value="days">per days</option>
        <option value="seconds">per seconds</option>
      </Select>
      <Select
        aria-label={`Cap ${n} over`}
        className="col-span-2"
        value={cap.over}
        onChange={(e) => onChange({ ...cap, over: e.target.value as CapRule["over"] })}
      >
        <option value="defer">defer extra messages</option>
        <option value="drop">drop extra messages</option>
      </Select>
    </div>
  );
}

/** Caps rows with add and remove; shared with the workspace settings card. */
export function CapsEditor({ caps, onChange }: { caps: CapRule[]; onChange: (caps: CapRule[]) => void }) {
  return (
    <div className="flex flex-col gap-3">
      {caps.length === 0 ? <p className="text-xs text-muted">No caps.</p> : null}
      {caps.map((cap, i) => (
        <CapRow
          // biome-ignore lint/suspicious/noArrayIndexKey: caps have no id; their place is their identity
          key={i}
          n={i + 1}
          cap={cap}
          onChange={(c) => onChange(caps.map((x, j) => (j === i ? c : x)))}
          onRemove={() => onChange(caps.filter((_, j) => j !== i))}
        />
      ))}
      <Button
        className="self-start"
        onClick={() => onChange([...caps, { channel: "any", max: 3, perDays: 7, over: "defer" }])}
      >
        <Plus className="h-4 w-4" aria-hidden /> Cap
      </Button>
    </div>
  );
}

/** Quiet hours on or off, from and to (spanning midnight when from is later). */
export function QuietHoursEditor({
  value,
  onChange,
  offLabel,
}: {
  value: { from: string; to: string } | null | undefined;
  onChange: (v: { from: string; to: string } | null) => void;
  offLabel: string;
}) {
  return (
    <div className="flex flex-col gap-2">
      <label className="flex items-center gap-2 text-[13px]">
        <input
          type="checkbox"
          checked={Boolean(value)}
          onChange={(e) => onChange(e.target.checked ? { from: "21:00", to: "08:00" } : null)}
        />
        Quiet hours in the lead's time zone
      </label>
      {value ? (
        <div className="flex items-center gap-2 text-[13px]">
          <Input
            aria-label="Quiet from"
            type="time"
            value={value.from}
            onChange={(e) => onChange({ ...value, from: e.target.value })}
          />
          to
          <Input
            aria-label="Quiet to"
            type="time"
            value={value.to}
            onChange={(e) => onChange({ ...value, to: e.target.value })}
          />
        </div>
      ) : (
        <p className="text-xs text-muted">{offLabel}</p>
      )}
    </div>
  );
}

export function JourneyForm({ def, onChange, tables, hookUrl }: Props) {
  return (
    <form aria-label="Journey settings" className="flex flex-col gap-4" onSubmit={(e) => e.preventDefault()}>
      <Field label="Name">
        <Input value={def.name} onChange={(e) => onChange({ ...def, name: e.target.value })} />
      </Field>
      <Field label="Table" hint="Whose rows go through it.">
        <Select value={def.table} onChange={(e) => onChange({ ...def, table: e.target.value })}>
          {tables.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Re-entry">
        <Select
          value={def.reentry}
          onChange={(e) => onChange({ ...def, reentry: e.target.value as JourneyDefinition["reentry"] })}
        >
          {REENTRY.map((r) => (
            <option key={r} value={r}>
              {REENTRY_WORDS[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Entry">
        <Select
          value={def.entry.kind}
          onChange={(e) => onChange({ ...def, entry: NEW_ENTRIES[e.target.value as JourneyEntry["kind"]] })}
        >
          <option value="manual">By hand or the API</option>
          <option value="row-enters">A row is added</option>
          <option value="formula">A formula turns true</option>
          <option value="event">An event</option>
          <option value="schedule">A schedule</option>
          <option value="webhook">A webhook</option>
        </Select>
      </Field>
      <EntryFields entry={def.entry} onChange={(entry) => onChange({ ...def, entry })} hookUrl={hookUrl} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-[13px] font-medium">Caps for this journey</legend>
        <p className="text-xs text-muted">
          Counted across every journey and channel of the lead, besides the workspace's.
        </p>
        <CapsEditor caps={def.caps} onChange={(caps) => onChange({ ...def, caps })} />
      </fieldset>
      <QuietHoursEditor
        value={def.quietHours}
        onChange={(quietHours) => onChange({ ...def, quietHours })}
        offLabel="The workspace's quiet hours apply."
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-[13px] font-medium">A lead leaves when they</legend>
        {EXIT_EVENTS.map((event) => (
          <label key={event} className="flex items-center gap-2 text-[13px]">
            <input
              type="checkbox"
              checked={def.exitOn.includes(event)}
              onChange={(e) =>
                onChange({
                  ...def,
                  exitOn: e.target.checked ? [...def.exitOn, event] : def.exitOn.filter((x) => x !== event),
                })
              }
            />
            {event}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
