/** Converting a cell's value when its column changes type, keeping what can be kept. */
import type { CellValue, ColumnType } from "../../schema/tables";
import { inputText, parseInput } from "./parse";

/**
 * The value under the new type, or null when it cannot be expressed there (the cell is cleared;
 * undo brings it back).
 */
export function convertValue(value: CellValue, to: ColumnType): CellValue {
  if (value === null) return null;
  if (to === "checkbox") {
    if (typeof value === "boolean") return value;
    if (typeof value === "number") return value !== 0;
    return /^(true|yes|y|1|x|✓)$/i.test(inputText(value).trim());
  }
  if (to === "multiSelect" || to === "link") {
    if (Array.isArray(value)) return value.map((v) => inputText(v));
    const parsed = parseInput("multiSelect", inputText(value));
    return parsed.ok ? parsed.value : null;
  }
  if (to === "formula" || to === "button" || to === "attachment") return null;
  const parsed = parseInput(to, Array.isArray(value) ? value.map((v) => inputText(v)).join(", ") : inputText(value));
  return parsed.ok ? parsed.value : null;
}
