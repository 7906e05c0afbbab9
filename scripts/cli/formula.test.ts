import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * The CLI loads every command's modules (database, auth, browser) before it runs one: about 6 s
 * on two cores, more while other test files run beside it.
 */
const COMMAND_TIMEOUT_MS = 45_000;

/** `npx tsx scripts/rowpilot.ts formula …`, as an operator runs it; rejects only on a timeout. */
async function formula(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("npx", ["tsx", "scripts/rowpilot.ts", "formula", ...args], {
      timeout: COMMAND_TIMEOUT_MS,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number | null; signal: string | null; stdout: string; stderr: string };
    if (e.signal)
      throw new Error(`rowpilot formula ${JSON.stringify(args)} did not finish in ${COMMAND_TIMEOUT_MS} ms`);
    return { code: e.code ?? -1, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.concurrent("rowpilot formula", { timeout: 2 * COMMAND_TIMEOUT_MS + 5_000 }, () => {
  it("prints the value of a formula over the given row as JSON", async () => {
    const result = await formula(
      "ROUND({Unit price} * {Qty}, 2) & ' ' & UPPER({Name})",
      "--row",
      '{"Unit price": 2.345, "Qty": 2, "Name": "ann"}',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toBe("4.69 ANN");
  });

  it("prints an error value as JSON and still succeeds", async () => {
    const result = await formula("{Qty} / 0", "--row", '{"Qty": 2}');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ error: "#DIV/0!", message: "Division by zero" });
    const missing = await formula("{Nope}");
    expect(JSON.parse(missing.stdout)).toEqual({ error: "#REF!", message: 'Unknown column "Nope"' });
  });

  it("refuses a --row that is not JSON or not an object, with exit code 1", async () => {
    const bad = await formula("1", "--row", "{Qty: 2}");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("rowpilot formula: --row is not JSON");
    const list = await formula("1", "--row", "[1, 2]");
    expect(list.code).toBe(1);
    expect(list.stderr).toContain("--row must be a JSON object of cells keyed by column name");
  });

  it("asks for exactly one expression", async () => {
    const none = await formula();
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("give exactly one expression");
  });
});
