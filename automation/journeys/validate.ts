/**
 * What publish refuses: a definition the schema accepts but that cannot run as meant. Each
 * problem names its node so the builder can mark it. Checks: the start node, duplicate ids,
 * edges to nodes that do not exist, unreachable nodes, cycles a lead would loop around without
 * ever waiting, branches that can never end, conditions on columns the table does not have,
 * messages with nothing to send, waits with nothing to wait for, and splits with repeated labels.
 */
import { compile, referencedColumns } from "../../schema/formula";
import type { ConditionItem, JourneyDefinition, JourneyNode, PublishProblem } from "../../schema/journeys";
import { edgesOf } from "./graph";
import { stronglyConnected } from "./scc";

/**
 * Nodes where a lead really waits, so a cycle through one is a schedule, not a runaway loop: a
 * wait of at least a second, a time of day (the next one is always ahead), a wait for an event
 * with a timeout of at least a second, a person's handoff. A fixed date is waited once: on the
 * next time round it has passed.
 */
function waits(node: JourneyNode): boolean {
  if (node.kind === "handoff") return "person" in node.to;
  if (node.kind !== "wait") return false;
  const { until } = node;
  if (!until) return (node.seconds ?? 0) >= 1;
  if ("time" in until) return true;
  if ("event" in until) return until.timeoutSeconds >= 1;
  return false;
}

/** Every formula in a condition, nested groups included. */
function conditionFormulas(item: ConditionItem): string[] {
  if ("all" in item) return item.all.flatMap(conditionFormulas);
  if ("any" in item) return item.any.flatMap(conditionFormulas);
  return "formula" in item ? [item.formula] : [];
}

/** Every column a condition reads: property tests' fields and formulas' references. */
function conditionColumns(item: ConditionItem): string[] {
  if ("all" in item) return item.all.flatMap(conditionColumns);
  if ("any" in item) return item.any.flatMap(conditionColumns);
  if ("formula" in item) return referencedColumns(item.formula);
  return item.type === "property" ? [item.field] : [];
}

function formulaProblem(text: string): string | null {
  const { parseError } = compile(text);
  return parseError ? parseError.error.message : null;
}

function nodeProblems(node: JourneyNode, has: (column: string) => boolean): string[] {
  const out: string[] = [];
  switch (node.kind) {
    case "condition": {
      const items: ConditionItem[] = [...(node.all ?? []), ...(node.any ?? [])];
      if (node.formula) items.push({ formula: node.formula });
      if (items.length === 0) out.push("The condition tests nothing: add a test or a formula.");
      for (const formula of items.flatMap(conditionFormulas)) {
        const problem = formulaProblem(formula);
        if (problem) out.push(`A formula does not parse: ${problem}`);
      }
      for (const column of new Set(items.flatMap(conditionColumns)))
        if (!has(column)) out.push(`The condition reads the column "${column}", which the table does not have.`);
      if (!node.yes && !node.no) out.push("The condition leads nowhere: connect its yes or no branch.");
      break;
    }
    case "send":
      if (!node.template && !node.writer)
        out.push("The message has no template: write one or let the AI writer draft it.");
      if (node.channel === "email" && node.template && !node.template.subject?.trim())
        out.push("The email has no subject.");
      break;
    case "wait":
      if (node.seconds === undefined && !node.until)
        out.push("The wait has nothing to wait for: give a duration, a date, a time of day or an event.");
      if (node.until && "event" in node.until && !node.timeout && !node.next)
        out.push(`The wait for "${node.until.event}" has neither a next step nor a timeout branch.`);
      break;
    case "split": {
      const labels = node.branches.map((b) => b.label.toLowerCase());
      const repeated = labels.filter((label, i) => labels.indexOf(label) !== i);
      if (repeated.length) out.push(`The split's branches repeat the label "${repeated[0]}".`);
      break;
    }
  }
  return out;
}

/** Nodes from which some path reaches a node with no outgoing edge (an exit, a goal, an end). */
function canEnd(nodes: Map<string, string[]>): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const [from, targets] of nodes) for (const to of targets) incoming.set(to, [...(incoming.get(to) ?? []), from]);
  const done = new Set([...nodes].filter(([, targets]) => targets.length === 0).map(([id]) => id));
  const queue = [...done];
  while (queue.length) {
    for (const from of incoming.get(queue.pop()!) ?? []) {
      if (!done.has(from)) {
        done.add(from);
        queue.push(from);
      }
    }
  }
  return done;
}

function reachableFrom(start: string, graph: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = graph.has(start) ? [start] : [];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.get(id) ?? []));
  }
  return seen;
}

/**
 * The problems that keep `def` from being published, each naming its node (null: the journey as
 * a whole); [] when it may be published. `columnNames` are the journey table's columns.
 * @example validateDefinition(def, ["Name", "Email"]) // [{ node: "check", message: 'The condition reads the column "Score", …' }]
 */
export function validateDefinition(def: JourneyDefinition, columnNames: string[]): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const known = new Set(columnNames.map((name) => name.toLowerCase()));
  const has = (column: string) => known.has(column.toLowerCase());
  const byId = new Map<string, JourneyNode>();
  for (const node of def.nodes) {
    if (byId.has(node.id)) problems.push({ node: node.id, message: `Two nodes have the id "${node.id}".` });
    else byId.set(node.id, node);
  }
  if (!byId.has(def.start))
    problems.push({ node: null, message: `The journey starts at "${def.start}", which is not one of its nodes.` });

  const entryFormula = def.entry.kind === "formula" || def.entry.kind === "schedule" ? def.entry.when : undefined;
  if (entryFormula) {
    const problem = formulaProblem(entryFormula);
    if (problem) problems.push({ node: null, message: `The entry's formula does not parse: ${problem}` });
    for (const column of referencedColumns(entryFormula))
      if (!has(column))
        problems.push({
          node: null,
          message: `The entry's formula reads the column "${column}", which the table does not have.`,
        });
  }

  const graph = new Map<string, string[]>();
  for (const node of byId.values()) {
    const targets: string[] = [];
    for (const edge of edgesOf(node)) {
      if (byId.has(edge.to)) targets.push(edge.to);
      else
        problems.push({
          node: node.id,
          message: `Its "${edge.name}" edge leads to "${edge.to}", which is not a node.`,
        });
    }
    graph.set(node.id, targets);
    for (const message of nodeProblems(node, has)) problems.push({ node: node.id, message });
  }

  const reachable = reachableFrom(def.start, graph);
  for (const id of byId.keys())
    if (byId.has(def.start) && !reachable.has(id))
      problems.push({ node: id, message: "No path from the start reaches this node." });

  const withoutWaits = new Map([...graph].filter(([id]) => !waits(byId.get(id)!)));
  for (const cycle of stronglyConnected(withoutWaits))
    problems.push({
      node: cycle[0]!,
      message: `It would loop without waiting: ${cycle.join(", ")} go round with no wait.`,
    });

  const ends = canEnd(graph);
  for (const trap of stronglyConnected(graph).filter((c) => reachable.has(c[0]!) && !ends.has(c[0]!)))
    problems.push({
      node: trap[0]!,
      message: `No path from here reaches an exit, a goal or an end: ${trap.join(", ")} loop forever.`,
    });
  return problems;
}
