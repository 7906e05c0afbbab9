/**
 * `rowpilot formula '<expression>' --row '<json>'`: evaluates one formula against one row, the
 * way a formula column does, and prints the result as JSON: the value, or
 * `{ "error": "#CODE!", "message": "…" }`. An error value is a result, not a failure (exit 0);
 * a --row that is not a JSON object of cells is (exit 1).
 */
import { evaluateFormula } from "../../schema/formula";
import { Cells } from "../../schema/tables";
import type { Command } from "./commands";
import { CliError } from "./workspace-owner";

function parseRow(text: string): Cells {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliError(`--row is not JSON: ${(error as Error).message}`);
  }
  const parsed = Cells.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`).join("; ");
    throw new CliError(`--row must be a JSON object of cells keyed by column name (${issues})`);
  }
  return parsed.data;
}

export const formulaCommand = {
  usage: "formula '<expression>' [--row '<json object keyed by column name>']",
  summary: "Evaluate a formula against one row and print the result as JSON.",
  positionals: "<expression>  the formula, e.g. 'ROUND({Price} * {Qty}, 2)' (put -- first if it starts with -)",
  options: {
    row: { type: "string", description: 'the row\'s cells as JSON, e.g. \'{"Price": 2.5, "Qty": 3}\'' },
  },
  async run(values, positionals: string[] = []) {
    if (positionals.length !== 1) throw new CliError("give exactly one expression, in quotes");
    const row = parseRow(typeof values.row === "string" ? values.row : "{}");
    const result = evaluateFormula(positionals[0]!, {
      row: (name) => (Object.hasOwn(row, name) ? row[name] : undefined),
    });
    console.log(JSON.stringify(result));
  },
} satisfies Command & { positionals: string };
