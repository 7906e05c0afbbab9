/**
 * The grid's keys, as in Google Sheets: where the active cell goes for a key, given the grid's
 * size and how many rows a page holds, and what any other key asks for. Pure, so it is tested
 * without a browser.
 */
export type Cell = { row: number; col: number };

export type NavKey = {
  key: string;
  ctrl: boolean;
  shift: boolean;
};

/** The new active cell, or null when the key does not move it. */
export function moveActive(active: Cell, key: NavKey, rows: number, cols: number, pageRows: number): Cell | null {
  if (rows === 0 || cols === 0) return null;
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const clampCol = (c: number) => Math.max(0, Math.min(cols - 1, c));
  const { row, col } = active;
  switch (key.key) {
    case "ArrowUp":
      return { row: key.ctrl ? 0 : clampRow(row - 1), col };
    case "ArrowDown":
      return { row: key.ctrl ? rows - 1 : clampRow(row + 1), col };
    case "ArrowLeft":
      return { row, col: key.ctrl ? 0 : clampCol(col - 1) };
    case "ArrowRight":
      return { row, col: key.ctrl ? cols - 1 : clampCol(col + 1) };
    case "Home":
      return key.ctrl ? { row: 0, col: 0 } : { row, col: 0 };
    case "End":
      return key.ctrl ? { row: rows - 1, col: cols - 1 } : { row, col: cols - 1 };
    case "PageUp":
      return { row: clampRow(row - pageRows), col };
    case "PageDown":
      return { row: clampRow(row + pageRows), col };
    case "Tab":
      if (key.shift) return col > 0 ? { row, col: col - 1 } : row > 0 ? { row: row - 1, col: cols - 1 } : active;
      return col < cols - 1 ? { row, col: col + 1 } : row < rows - 1 ? { row: row + 1, col: 0 } : active;
    default:
      return null;
  }
}

/** What a key pressed on the grid (not in an editor) asks for. */
export type KeyCommand =
  | { do: "move"; to: Cell; extend: boolean }
  | { do: "undo" | "redo" | "fillDown" | "expand" | "clear" }
  /** Start editing the active cell, replacing its text with `text` when a character was typed. */
  | { do: "edit"; text?: string };

/**
 * The command for a key, or null for keys the grid leaves to the browser. `checkbox`: the active
 * cell is a checkbox, which Space toggles.
 */
export function keyCommand(
  key: NavKey & { alt: boolean },
  active: Cell,
  grid: { rows: number; cols: number; pageRows: number; checkbox: boolean },
): KeyCommand | null {
  const to = moveActive(active, key, grid.rows, grid.cols, grid.pageRows);
  if (to) return { do: "move", to, extend: key.shift && key.key.startsWith("Arrow") };
  const k = key.key;
  if (key.ctrl) {
    if (k === "y" || ((k === "z" || k === "Z") && key.shift)) return { do: "redo" };
    if (k === "z" || k === "Z") return { do: "undo" };
    // Fill down: the top row of the selection is copied into the rows below it.
    if (k === "d" || k === "D") return { do: "fillDown" };
    return null;
  }
  if (k === "Enter" || k === "F2") return { do: "edit" };
  if (k === " " && key.shift) return { do: "expand" };
  if (k === " " && grid.checkbox) return { do: "edit" };
  if (k === "Delete" || k === "Backspace") return { do: "clear" };
  if (k.length === 1 && !key.alt) return { do: "edit", text: k };
  return null;
}
