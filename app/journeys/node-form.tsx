/** The side panel's fields for the selected node, one form per kind; every edit goes straight into the draft. */
import { Plus, Trash2, X } from "lucide-react";
import type { JourneyNode, NodeOf } from "../../schema/journeys";
import { JOURNEY_CHANNELS } from "../../schema/journeys";
import { Button, Field, Input, Select } from "../components/ui";
import { ConditionForm } from "./condition-form";
import { DurationInput, PairsEditor, TextArea } from "./fields";
import { channelName, KIND_LABELS } from "./summary";

type Props<N extends JourneyNode = JourneyNode> = { node: N; onChange: (node: N) => void };

const PLACEHOLDER_HINT = "Placeholders fill from the lead's row: {{lead.Name}}, {{lead.Company}}, any column name.";

function SendForm({ node, onChange }: Props<NodeOf<"send">>) {
  const template = node.template ?? { body: "" };
  return (
    <>
      <Field label="Channel">
        <Select
          value={node.channel}
          onChange={(e) => onChange({ ...node, channel: e.target.value as NodeOf<"send">["channel"] })}
        >
          {JOURNEY_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channelName(c)}
            </option>
          ))}
          <option value="best">Best channel for the lead</option>
        </Select>
      </Field>
      {node.channel === "email" || node.channel === "best" ? (
        <Field label="Subject">
          <Input
            value={template.subject ?? ""}
            onChange={(e) => onChange({ ...node, template: { ...template, subject: e.target.value } })}
          />
        </Field>
      ) : null}
      <Field label="Message" hint={PLACEHOLDER_HINT}>
        <TextArea
          value={template.body}
          onChange={(e) => onChange({ ...node, template: { ...template, body: e.target.value } })}
        />
      </Field>
      <p className="text-xs text-muted">
        The fallback edge is taken when it cannot be sent (no address, suppressed, dropped by a cap); next when it is
        not connected.
      </p>
    </>
  );
}

type WaitMode = "duration" | "date" | "time" | "event";
const waitMode = (node: NodeOf<"wait">): WaitMode =>
  !node.until ? "duration" : "event" in node.until ? "event" : "time" in node.until ? "time" : "date";

function WaitForm({ node, onChange }: Props<NodeOf<"wait">>) {
  const mode = waitMode(node);
  const { seconds: _s, until: _u, timeout: _t, ...base } = node;
  const switchTo = (next: WaitMode) => {
    if (next === "duration") onChange({ ...base, seconds: 86_400 });
    if (next === "time") onChange({ ...base, until: { time: "09:00" } });
    if (next === "date") onChange({ ...base, until: { date: new Date(Date.now() + 86_400_000).toISOString() } });
    if (next === "event") onChange({ ...base, until: { event: "clicked", timeoutSeconds: 172_800 } });
  };
  const until = node.until;
  return (
    <>
      <Field label="Wait for">
        <Select value={mode} onChange={(e) => switchTo(e.target.value as WaitMode)}>
          <option value="duration">A duration</option>
          <option value="date">Until a date</option>
          <option value="time">Until a time of day (lead's zone)</option>
          <option value="event">Until an event, with a timeout</option>
        </Select>
      </Field>
      {mode === "duration" ? (
        <Field label="Duration">
          <DurationInput
            label="Duration"
            seconds={node.seconds ?? 0}
            onChange={(seconds) => onChange({ ...node, seconds })}
          />
        </Field>
      ) : null}
      {until && "time" in until ? (
        <Field label="Time (HH:MM)">
          <Input
            type="time"
            value={until.time}
            onChange={(e) => onChange({ ...node, until: { time: e.target.value } })}
          />
        </Field>
      ) : null}
      {until && "date" in until ? (
        <Field label="Date and time (your zone)">
          <Input
            type="datetime-local"
            value={localInput(until.date)}
            onChange={(e) =>
              e.target.value && onChange({ ...node, until: { date: new Date(e.target.value).toISOString() } })
            }
          />
        </Field>
      ) : null}
      {until && "event" in until ? (
        <>
          <Field label="Event" hint="opened, clicked, replied, visited, claimed, or a webhook's own event">
            <Input
              value={until.event}
              onChange={(e) => onChange({ ...node, until: { ...until, event: e.target.value } })}
            />
          </Field>
          <Field label="Key (optional)" hint="Only an event carrying this key counts: a campaign, a link, an order.">
            <Input
              value={until.key ?? ""}
              onChange={(e) => onChange({ ...node, until: { ...until, key: e.target.value || undefined } })}
            />
          </Field>
          <Field label="Timeout" hint="With no event by then, the lead takes the timeout edge.">
            <DurationInput
              label="Timeout"
              seconds={until.timeoutSeconds}
              onChange={(timeoutSeconds) => onChange({ ...node, until: { ...until, timeoutSeconds } })}
            />
          </Field>
        </>
      ) : null}
    </>
  );
}

/** An ISO moment as a datetime-local input's value, in the reader's zone. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function HandoffForm({ node, onChange }: Props<NodeOf<"handoff">>) {
  const toPerson = "person" in node.to;
  return (
    <>
      <Field label="Hand off to">
        <Select
          value={toPerson ? "person" : "channel"}
          onChange={(e) =>
            onChange({ ...node, to: e.target.value === "person" ? { person: "owner" } : { channel: "chat" } })
          }
        >
          <option value="person">A person</option>
          <option value="channel">Another channel's agent</option>
        </Select>
      </Field>
      {"person" in node.to ? (
        <Field label="Person" hint="owner: the row's Owner, else the workspace's owners; or a member's email.">
          <Input value={node.to.person} onChange={(e) => onChange({ ...node, to: { person: e.target.value } })} />
        </Field>
      ) : (
        <Field label="Channel">
          <Select
            value={node.to.channel}
            onChange={(e) => onChange({ ...node, to: { channel: e.target.value as "email" } })}
          >
            {JOURNEY_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelName(c)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Reason">
        <Input value={node.reason} onChange={(e) => onChange({ ...node, reason: e.target.value })} />
      </Field>
      {toPerson ? (
        <Field label="Timeout" hint="Not taken by then: the timeout edge (7 days when not set).">
          <DurationInput
            label="Timeout"
            seconds={node.timeoutSeconds ?? 604_800}
            onChange={(timeoutSeconds) => onChange({ ...node, timeoutSeconds })}
          />
        </Field>
      ) : null}
    </>
  );
}

function SplitForm({ node, onChange }: Props<NodeOf<"split">>) {
  const branches = node.branches;
  const set = (i: number, patch: Partial<(typeof branches)[number]>) =>
    onChange({ ...node, branches: branches.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  return (
    <div className="flex flex-col gap-2">
      <p className="text-[13px] font-medium">Branches and weights</p>
      {branches.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a branch's place is its handle on the card
        <div key={i} className="flex gap-2">
          <Input
            aria-label={`Branch ${i + 1} label`}
            value={b.label}
            onChange={(e) => set(i, { label: e.target.value })}
          />
          <Input
            aria-label={`Branch ${i + 1} weight`}
            type="number"
            min={1}
            className="w-24"
            value={b.weight}
            onChange={(e) => set(i, { weight: Number(e.target.value) })}
          />
          <Button
            variant="ghost"
            aria-label={`Remove branch ${i + 1}`}
            disabled={branches.length <= 2}
            onClick={() => onChange({ ...node, branches: branches.filter((_, j) => j !== i) })}
          >
            <X className="h-4 w-4" aria-hidden />
          </Button>
        </div>
      ))}
      <Button
        className="self-start"
        disabled={branches.length >= 6}
        onClick={() =>
          onChange({
            ...node,
            branches: [...branches, { label: String.fromCharCode(65 + branches.length), weight: 50, next: "" }],
          })
        }
      >
        <Plus className="h-4 w-4" aria-hidden /> Branch
      </Button>
    </div>
  );
}

function KindFields({ node, onChange, tables }: Props & { tables: { id: string; name: string }[] }) {
  switch (node.kind) {
    case "send":
      return <SendForm node={node} onChange={onChange} />;
    case "wait":
      return <WaitForm node={node} onChange={onChange} />;
    case "condition":
      return <ConditionForm node={node} onChange={onChange} />;
    case "handoff":
      return <HandoffForm node={node} onChange={onChange} />;
    case "split":
      return <SplitForm node={node} onChange={onChange} />;
    case "update":
      return <PairsEditor noun="field" pairs={node.fields} onChange={(fields) => onChange({ ...node, fields })} />;
    case "create-row":
      return (
        <>
          <Field label="Table">
            <Select value={node.table} onChange={(e) => onChange({ ...node, table: e.target.value })}>
              <option value="">Pick a table</option>
              {tables.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <PairsEditor noun="cell" pairs={node.cells} onChange={(cells) => onChange({ ...node, cells })} />
        </>
      );
    case "webhook":
      return (
        <Field label="URL" hint="Gets a POST with the lead's row and the journey.">
          <Input type="url" value={node.url} onChange={(e) => onChange({ ...node, url: e.target.value })} />
        </Field>
      );
    case "notify":
      return (
        <>
          <Field label="To" hint="owner, or a member's email">
            <Input value={node.to} onChange={(e) => onChange({ ...node, to: e.target.value })} />
          </Field>
          <Field label="Message" hint={PLACEHOLDER_HINT}>
            <TextArea value={node.message} onChange={(e) => onChange({ ...node, message: e.target.value })} />
          </Field>
        </>
      );
    case "generate-site":
      return (
        <label className="flex items-center gap-2 text-[13px]">
          <input
            type="checkbox"
            checked={node.publish ?? false}
            onChange={(e) => onChange({ ...node, publish: e.target.checked })}
          />
          Publish the site once generated
        </label>
      );
    default:
      return <p className="text-[13px] text-muted">Nothing to set: connect its edges on the canvas.</p>;
  }
}

export function NodeForm({
  node,
  onChange,
  onDelete,
  onMakeStart,
  isStart,
  tables,
}: Props & {
  onDelete: () => void;
  onMakeStart: () => void;
  isStart: boolean;
  tables: { id: string; name: string }[];
}) {
  return (
    <form aria-label={`Node ${node.id}`} className="flex flex-col gap-3" onSubmit={(e) => e.preventDefault()}>
      <Field label="Label">
        <Input
          value={node.label ?? ""}
          placeholder={KIND_LABELS[node.kind]}
          onChange={(e) => onChange({ ...node, label: e.target.value || undefined })}
        />
      </Field>
      <KindFields node={node} onChange={onChange} tables={tables} />
      <div className="flex flex-wrap gap-2 border-t border-line pt-3">
        {isStart ? null : <Button onClick={onMakeStart}>Start here</Button>}
        <Button variant="danger" onClick={onDelete}>
          <Trash2 className="h-4 w-4" aria-hidden /> Delete node
        </Button>
      </div>
    </form>
  );
}
