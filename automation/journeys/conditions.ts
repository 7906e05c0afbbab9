/**
 * Whether a lead meets a journey's condition: the brief's `WorkflowCondition` tests (property,
 * behaviour, time, engagement) with five operators, `not`, AND/OR groups to any depth, and
 * formulas in the table's own formula language. Pure: the caller gathers the lead's facts (row,
 * events, clock, zone, scores) once and asks as often as it likes. Nothing here throws on bad
 * data: a missing field or a formula error is simply "not met".
 */
import { type CompiledFormula, compile, isFormulaError, isTruthy } from "../../schema/formula";
import type { Condition, ConditionItem, JourneyChannel, NodeOf } from "../../schema/journeys";
import type { CellValue } from "../../schema/tables";
import { formatDate, isTimeZone, localTime, weekday } from "../messaging/zoned-time";
import { cellFor, isMissing, meets } from "./values";

export type LeadFacts = {
  /** Cells by column name, formulas computed. */
  row: Record<string, CellValue>;
  /** This lead's events (epoch ms). */
  events: { type: string; key?: string | null; at: number }[];
  now: number;
  /** IANA zone of the lead (the row's Time zone, else the workspace's). */
  zone: string;
  /** When this enrollment started (ms). */
  enteredAt: number;
  /** The row's Engagement score. */
  engagement: number | null;
  channelScores: Partial<Record<JourneyChannel, number>>;
};

const MS_PER_DAY = 86_400_000;
/** Compiled formulas by text: a journey names a handful, asked for every lead at every visit. */
const FORMULA_CACHE_LIMIT = 500;
const formulas = new Map<string, CompiledFormula>();

function compiled(text: string): CompiledFormula {
  let formula = formulas.get(text);
  if (!formula) {
    if (formulas.size >= FORMULA_CACHE_LIMIT) formulas.clear();
    formula = compile(text);
    formulas.set(text, formula);
  }
  return formula;
}

/**
 * Whether the formula is truthy for the lead's row; a parse or evaluation error (a missing
 * column gives #REF!) counts as false.
 * @example formulaHolds('{Stage} = "qualified"', facts) // true
 */
export function formulaHolds(text: string, facts: LeadFacts): boolean {
  const result = compiled(text).evaluate({ row: (name) => cellFor(facts.row, name), now: () => new Date(facts.now) });
  return !isFormulaError(result) && isTruthy(result);
}

function behaviorCount(condition: Condition, facts: LeadFacts): number {
  const type = condition.field.trim().toLowerCase();
  const since =
    condition.withinDays === undefined ? Number.NEGATIVE_INFINITY : facts.now - condition.withinDays * MS_PER_DAY;
  return facts.events.filter((e) => e.type === type && e.at <= facts.now && e.at >= since).length;
}

function timeValue(field: string, facts: LeadFacts): CellValue | undefined {
  const name = field.trim().toLowerCase();
  if (name === "days_in_journey") return Math.floor((facts.now - facts.enteredAt) / MS_PER_DAY);
  const zone = isTimeZone(facts.zone) ? facts.zone : "UTC";
  const local = localTime(new Date(facts.now), zone);
  if (name === "hour") return Math.floor(local.minute / 60);
  // `weekday` gives 0 for Sunday; ISO 8601 numbers Monday 1 … Sunday 7.
  if (name === "weekday") return ((weekday(local.date) + 6) % 7) + 1;
  if (name === "date") return formatDate(local.date);
  return undefined;
}

/** The value a condition tests, or undefined when the lead has no such field. */
function subject(condition: Condition, facts: LeadFacts): CellValue | undefined {
  switch (condition.type) {
    case "property":
      return cellFor(facts.row, condition.field);
    case "behavior":
      return behaviorCount(condition, facts);
    case "time":
      return timeValue(condition.field, facts);
    case "engagement": {
      const field = condition.field.trim().toLowerCase();
      if (field === "score") return facts.engagement ?? undefined;
      return facts.channelScores[field as JourneyChannel];
    }
  }
}

function test(condition: Condition, facts: LeadFacts): boolean {
  const value = subject(condition, facts);
  if (condition.operator === "exists") {
    return condition.type === "behavior" ? (value as number) > 0 : !isMissing(value);
  }
  if (isMissing(value) || condition.value === undefined || isMissing(condition.value)) return false;
  return meets(condition.operator, value, condition.value);
}

/**
 * Whether `item` holds for the lead: a test (negated by `not`), a formula, or an `all` / `any` group.
 * @example evaluateCondition({ any: [{ formula: "{Score} > 50" }, { type: "behavior", field: "clicked", operator: "exists" }] }, facts)
 */
export function evaluateCondition(item: ConditionItem, facts: LeadFacts): boolean {
  if ("all" in item) return item.all.every((child) => evaluateCondition(child, facts));
  if ("any" in item) return item.any.some((child) => evaluateCondition(child, facts));
  if ("formula" in item) return formulaHolds(item.formula, facts);
  const met = test(item, facts);
  return item.not ? !met : met;
}

/** A condition node's answer: its `all`, `any` and `formula` parts must each hold; a node with none is "no". */
export function evaluateNodeCondition(node: NodeOf<"condition">, facts: LeadFacts): boolean {
  const parts: ConditionItem[] = [];
  if (node.all) parts.push({ all: node.all });
  if (node.any) parts.push({ any: node.any });
  if (node.formula) parts.push({ formula: node.formula });
  return parts.length > 0 && parts.every((part) => evaluateCondition(part, facts));
}
