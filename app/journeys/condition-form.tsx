/**
 * A condition node's tests: rows of type / field / operator / value joined by AND or OR, groups
 * nested inside (each with its own AND / OR), formula rows, or one formula for the whole node.
 */
import { Plus, X } from "lucide-react";
import { CONDITION_OPERATORS, type Condition, type ConditionItem, type NodeOf } from "../../schema/journeys";
import { Button, Field, Input, Select } from "../components/ui";
import { TextArea } from "./fields";

const TYPES = ["property", "behavior", "time", "engagement"] as const;
const FIELD_HINTS: Record<Condition["type"], string> = {
  property: "a column name, such as Score",
  behavior: "an event, such as opened",
  time: "hour, weekday, date or days_in_journey",
  engagement: "score, email, sms or chat",
};

const parseValue = (text: string) => (text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);

type Group = { match: "all" | "any"; items: ConditionItem[] };
const groupOf = (item: { all: ConditionItem[] } | { any: ConditionItem[] }): Group =>
  "all" in item ? { match: "all", items: item.all } : { match: "any", items: item.any };
const itemOf = (g: Group): ConditionItem => (g.match === "all" ? { all: g.items } : { any: g.items });

const NEW_CONDITION: Condition = { type: "property", field: "Score", operator: "greater_than", value: 50 };

function ConditionRow({ item, onChange, path }: { item: Condition; onChange: (c: Condition) => void; path: string }) {
  return (
    <div className="grid grid-cols-2 gap-2 rounded-md border border-line p-2">
      <Select
        aria-label={`${path} type`}
        value={item.type}
        onChange={(e) => onChange({ ...item, type: e.target.value as Condition["type"] })}
      >
        {TYPES.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </Select>
      <Input
        aria-label={`${path} field`}
        placeholder={FIELD_HINTS[item.type]}
        value={item.field}
        onChange={(e) => onChange({ ...item, field: e.target.value })}
      />
      <Select
        aria-label={`${path} operator`}
        value={item.operator}
        onChange={(e) => onChange({ ...item, operator: e.target.value as Condition["operator"] })}
      >
        {CONDITION_OPERATORS.map((o) => (
          <option key={o} value={o}>
            {o.replace("_", " ")}
          </option>
        ))}
      </Select>
      {item.operator === "exists" ? (
        <span />
      ) : (
        <Input
          aria-label={`${path} value`}
          value={String(item.value ?? "")}
          onChange={(e) => onChange({ ...item, value: parseValue(e.target.value) })}
        />
      )}
      <label className="col-span-2 flex items-center gap-2 text-xs text-muted">
        <input
          type="checkbox"
          checked={item.not ?? false}
          onChange={(e) => onChange({ ...item, not: e.target.checked || undefined })}
        />
        Not (negate this test)
      </label>
    </div>
  );
}

function GroupEditor({ group, onChange, path }: { group: Group; onChange: (g: Group) => void; path: string }) {
  const set = (i: number, item: ConditionItem) =>
    onChange({ ...group, items: group.items.map((x, j) => (j === i ? item : x)) });
  return (
    <div className="flex flex-col gap-2">
      <Select
        aria-label={`${path} match`}
        value={group.match}
        onChange={(e) => onChange({ ...group, match: e.target.value as Group["match"] })}
        className="self-start"
      >
        <option value="all">All of these (AND)</option>
        <option value="any">Any of these (OR)</option>
      </Select>
      {group.items.map((item, i) => {
        const at = `${path} ${i + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; their place is their identity
          <div key={i} className="flex items-start gap-1">
            <div className="min-w-0 flex-1">
              {"formula" in item ? (
                <Input
                  aria-label={`${at} formula`}
                  value={item.formula}
                  onChange={(e) => set(i, { formula: e.target.value })}
                />
              ) : "all" in item || "any" in item ? (
                <div className="border-l-2 border-accent/40 pl-2">
                  <GroupEditor group={groupOf(item)} onChange={(g) => set(i, itemOf(g))} path={at} />
                </div>
              ) : (
                <ConditionRow item={item} onChange={(c) => set(i, c)} path={at} />
              )}
            </div>
            <Button
              variant="ghost"
              aria-label={`Remove ${at}`}
              disabled={group.items.length === 1}
              onClick={() => onChange({ ...group, items: group.items.filter((_, j) => j !== i) })}
            >
              <X className="h-4 w-4" aria-hidden />
            </Button>
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => onChange({ ...group, items: [...group.items, { ...NEW_CONDITION }] })}>
          <Plus className="h-4 w-4" aria-hidden /> Condition
        </Button>
        <Button onClick={() => onChange({ ...group, items: [...group.items, { any: [{ ...NEW_CONDITION }] }] })}>
          <Plus className="h-4 w-4" aria-hidden /> Group
        </Button>
        <Button onClick={() => onChange({ ...group, items: [...group.items, { formula: "{Score} > 50" }] })}>
          <Plus className="h-4 w-4" aria-hidden /> Formula
        </Button>
      </div>
    </div>
  );
}

export function ConditionForm({
  node,
  onChange,
}: {
  node: NodeOf<"condition">;
  onChange: (node: NodeOf<"condition">) => void;
}) {
  const { all: _all, any: _any, formula: _formula, ...rest } = node;
  const mode = node.formula !== undefined ? "formula" : "rows";
  const group: Group = node.any
    ? { match: "any", items: node.any }
    : { match: "all", items: node.all ?? [{ ...NEW_CONDITION }] };
  return (
    <div className="flex flex-col gap-3">
      <Field label="Test with">
        <Select
          value={mode}
          onChange={(e) =>
            onChange(
              e.target.value === "formula"
                ? { ...rest, formula: "{Score} > 50" }
                : { ...rest, all: [{ ...NEW_CONDITION }] },
            )
          }
        >
          <option value="rows">Conditions</option>
          <option value="formula">A formula</option>
        </Select>
      </Field>
      {mode === "formula" ? (
        <Field label="Formula" hint="True leads to yes, false to no. Columns in braces: {Score} > 50">
          <TextArea value={node.formula ?? ""} onChange={(e) => onChange({ ...rest, formula: e.target.value })} />
        </Field>
      ) : (
        <GroupEditor group={group} onChange={(g) => onChange({ ...rest, [g.match]: g.items })} path="Condition" />
      )}
    </div>
  );
}
