/**
 * The formula columns of one table as a dependency graph: what each formula refers to, an order in
 * which every formula comes after the formulas it uses, the columns caught in cycles, and, for an
 * edited cell, just the formulas that must run again. Cycles are found as strongly connected
 * components (Tarjan's algorithm, iterative so a long chain of columns cannot overflow the stack);
 * its components come out dependencies first, which is the evaluation order.
 */
import type { CellValue } from "../tables";
import { type FormulaError, formulaError } from "./errors";
import { type CompiledFormula, compile, type FormulaResult, type LinkedAccessor } from "./evaluate";

export type FormulaColumn = { id: string; name: string; text: string };
export type PlainColumn = { id: string; name: string };

/** Strongly connected components, each after every component it has edges to (journeys' cycle checks use it too). */
export function components(nodes: readonly string[], edges: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (id: string, work: { id: string; next: number }[]) => {
    index.set(id, index.size);
    low.set(id, index.get(id)!);
    stack.push(id);
    onStack.add(id);
    work.push({ id, next: 0 });
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [];
    visit(root, work);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const targets = edges(frame.id);
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) visit(target, work);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      out.push(component);
    }
  }
  return out;
}

export class FormulaGraph {
  /** Formula column ids, each after every formula column it refers to. */
  readonly order: readonly string[];
  /** Formula columns that depend on themselves, directly or through others: they evaluate to #CYCLE!. */
  readonly cycles: ReadonlySet<string>;
  private readonly compiled = new Map<string, CompiledFormula>();
  private readonly idByName = new Map<string, string>();
  private readonly dependencies = new Map<string, string[]>();
  private readonly dependents = new Map<string, string[]>();
  private readonly rank = new Map<string, number>();
  private readonly cycleErrors = new Map<string, FormulaError>();

  /** Compiles every formula once. Names are matched exactly; when two columns share one, the first wins. */
  constructor(formulas: readonly FormulaColumn[], plain: readonly PlainColumn[]) {
    for (const column of [...plain, ...formulas])
      if (!this.idByName.has(column.name)) this.idByName.set(column.name, column.id);
    for (const column of formulas) {
      const compiled = compile(column.text);
      this.compiled.set(column.id, compiled);
      const ids = compiled.references.flatMap((name) => this.idByName.get(name) ?? []);
      this.dependencies.set(column.id, ids);
      for (const id of ids) {
        const users = this.dependents.get(id);
        if (users) users.push(column.id);
        else this.dependents.set(id, [column.id]);
      }
    }
    const formulaDeps = (id: string) => this.dependencies.get(id)!.filter((dep) => this.compiled.has(dep));
    const groups = components([...this.compiled.keys()], formulaDeps);
    const names = new Map(formulas.map((c) => [c.id, c.name]));
    for (const group of groups) {
      if (group.length === 1 && !formulaDeps(group[0]!).includes(group[0]!)) continue;
      const through = group.map((id) => `"${names.get(id)}"`).join(", ");
      for (const id of group)
        this.cycleErrors.set(id, formulaError("#CYCLE!", `"${names.get(id)}" depends on itself (cycle: ${through})`));
    }
    this.order = groups.flat();
    for (const [i, id] of this.order.entries()) this.rank.set(id, i);
    this.cycles = new Set(this.cycleErrors.keys());
  }

  /** Ids of the columns a formula column refers to; names of no column are left out (they are #REF!). */
  references(formulaId: string): readonly string[] {
    return this.dependencies.get(formulaId) ?? [];
  }

  /**
   * The formula columns to run again after `changed` columns changed (a cell edited, a formula
   * rewritten), in evaluation order: changed formula columns and everything that uses them, transitively.
   */
  recomputeOrder(changed: Iterable<string>): string[] {
    const seen = new Set<string>();
    const queue = [...changed];
    for (const id of queue) if (this.compiled.has(id)) seen.add(id);
    while (queue.length) {
      for (const dependent of this.dependents.get(queue.pop()!) ?? []) {
        if (seen.has(dependent)) continue;
        seen.add(dependent);
        queue.push(dependent);
      }
    }
    return [...seen].sort((a, b) => this.rank.get(a)! - this.rank.get(b)!);
  }

  /**
   * Runs the formulas of one row. `cells` are keyed by column id and hold earlier formula results
   * too, so with `only` (from `recomputeOrder`) just those formulas run and the rest are read.
   * @returns results keyed by formula column id
   */
  evaluateRow(
    cells: Readonly<Record<string, CellValue>>,
    options: { linked?: LinkedAccessor; now?: () => Date; only?: readonly string[] } = {},
  ): Record<string, FormulaResult> {
    // No prototype, so a column id such as "constructor" or "__proto__" is just a key.
    const results: Record<string, FormulaResult> = Object.create(null);
    const row = (name: string): CellValue | undefined => {
      const id = this.idByName.get(name);
      if (id === undefined) return undefined;
      if (Object.hasOwn(results, id)) return results[id]!;
      return Object.hasOwn(cells, id) ? cells[id]! : null;
    };
    const context = { row, linked: options.linked, now: options.now };
    for (const id of options.only ?? this.order) {
      const compiled = this.compiled.get(id);
      if (compiled) results[id] = this.cycleErrors.get(id) ?? compiled.evaluate(context);
    }
    return results;
  }
}
