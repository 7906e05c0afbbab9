/**
 * The grid the server drew, before the page's scripts have run. Its rows show about half a
 * second before React has hydrated them; an inline script (`earlyInputScript`, just before the
 * grid) lets a person move around them in that time, by the grid's own rules (`moveActive`):
 *
 * - A click on a drawn cell, or a key that moves the active cell to another drawn cell, moves it
 *   at once: the script sets `aria-selected` and `aria-activedescendant`, which is all the active
 *   cell's look depends on (app.css).
 * - Anything else the grid would act on (a Shift-extended selection, a move to a row or column
 *   not drawn) is kept, and so is everything after it, to keep their order.
 * - As the grid hydrates it takes the active cell from the script (`earlyActiveCell`), so React
 *   finds the page as it would have drawn it, then replays what was kept (`useEarlyInput`). Its
 *   hydration can take a few hundred ms from that first render: the script goes on showing moves
 *   meanwhile, and keeps them too, so the replay ends where the page shows the active cell.
 *
 * - A character typed on a cell that takes typed text (the grid lists their columns in
 *   `data-typing-cols`) opens an editor at once: an input over the cell, outside the grid React
 *   hydrates, holding what is typed. Enter, Tab or leaving it commits it; Esc drops it. The grid
 *   takes it over as it hydrates (`EarlyEditor`), open as it was, or committed: then it is saved
 *   as soon as the row has synced. While it is open, the grid's other input is dropped.
 *
 * Until then the script stops the grid's clicks, keys and focus at the window: React, whose
 * listeners start before it has hydrated, never handles one the script also does, and is not
 * made to finish hydrating in one long task to handle it. Other keys that do not move the active
 * cell (Enter, undo) are dropped: the grid could not act on them before the table has synced.
 */
import { useLayoutEffect } from "react";
import { type EditMove, WAITING_NOTE } from "./cell-editor";
import { type Cell, keyCommand, moveActive } from "./navigation";

export type EarlyInput =
  | { kind: "cell"; line: number; col: number; shift: boolean }
  | { kind: "key"; key: string; ctrl: boolean; shift: boolean; alt: boolean };

/** What was typed in the script's editor, for the grid to go on with at the active cell. */
export type EarlyEditor = {
  text: string;
  /** Enter, Tab or leaving the editor ended it: the grid saves it (and moves) once it can. */
  committed: boolean;
  move: EditMove | null;
  /** It had focus: the grid's editor takes it (a person who clicked elsewhere keeps their place). */
  focused: boolean;
};

type Handover = {
  /**
   * The active cell as the page showed it when first asked (null if the grid it served is gone):
   * from then on, moves the script shows are also kept, for React to replay from that cell.
   */
  taken(): Cell | null;
  /**
   * What was kept, once (nothing if the grid it served is gone), and the editor open or committed
   * at the active cell: the script stops listening and removes its editor.
   */
  take(): { input: EarlyInput[]; editor: EarlyEditor | null };
};

/** The global the script leaves its hand-over in. */
const HANDOVER = "__rowpilotEarlyGrid";
/** The keys that move the active cell (`moveActive`). */
const MOVING_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown", "Tab"];
/**
 * Events on the grid the script stops until the hand-over: the discrete ones React would make
 * itself hydrate at once for. Copy is left to React: it copies the served rows' cells.
 */
const STOPPED = [
  "mousedown",
  "mouseup",
  "click",
  "dblclick",
  "auxclick",
  "contextmenu",
  "pointerdown",
  "pointerup",
  "touchstart",
  "touchend",
  "keydown",
  "keypress",
  "keyup",
  "focusin",
  // The script's editor's own (see `keep`).
  "focusout",
  "beforeinput",
  "input",
];

declare global {
  interface Window {
    [HANDOVER]?: Handover;
  }
}

/** The script's editor's look: the grid's own editor's (cell-editor.tsx), over the cell rather than in it. */
const EDITOR_CLASS =
  "fixed z-50 box-border bg-surface px-2 text-[13px] text-fg outline outline-2 -outline-offset-2 outline-accent";

/** Runs in the page as the inline script: serialized, so it may use only its arguments. */
function earlyGrid(
  handover: string,
  movingKeys: string[],
  stopped: string[],
  editorClass: string,
  waitingNote: string,
  move: typeof moveActive,
) {
  /**
   * The script stands in the page next to its grid: once React has removed it, the grid it served
   * is gone (its page failed to hydrate, and this is another table's), and its state is stale.
   */
  const script = document.currentScript;
  const gone = () => script !== null && !script.isConnected;
  /** Where the server put the active cell. */
  let active = { row: 0, col: 0 };
  /** False once an event could not be shown: that event and every later one are kept, not shown. */
  let live = true;
  /**
   * The active cell as React's first render took it. Hydrating can take a few hundred ms after
   * that render began: moves go on being shown, and are kept as well, for React to replay from it.
   */
  let takenAt: { row: number; col: number } | null = null;
  const kept: EarlyInput[] = [];
  /** The editor a typed character opened on the active cell, until the grid takes it. */
  let editor: { input: HTMLInputElement; cell: Element; committed: boolean; move: EarlyEditor["move"] } | null = null;
  const cellAt = (grid: Element, { row, col }: { row: number; col: number }) =>
    grid.querySelector(`[role=row][aria-rowindex="${row + 2}"] [role=gridcell][aria-colindex="${col + 1}"]`);
  const show = (grid: Element, next: { row: number; col: number }) => {
    const cell = cellAt(grid, next);
    if (!cell) return false;
    cellAt(grid, active)?.setAttribute("aria-selected", "false");
    cell.setAttribute("aria-selected", "true");
    grid.setAttribute("aria-activedescendant", cell.id);
    cell.scrollIntoView({ block: "nearest", inline: "nearest" });
    active = next;
    return true;
  };
  const nextCell = (grid: HTMLElement, input: EarlyInput) => {
    if (input.kind === "cell") return input.shift ? null : { row: input.line, col: input.col };
    if (input.shift && input.key.startsWith("Arrow")) return null;
    const height = (index: number) =>
      grid.querySelector(`[role=row][aria-rowindex="${index}"]`)?.getBoundingClientRect().height || 32;
    const rows = Number(grid.getAttribute("aria-rowcount")) - 1;
    const cols = Number(grid.getAttribute("aria-colcount"));
    const pageRows = Math.max(1, Math.floor((grid.clientHeight - height(1)) / height(2)));
    return move(active, input, rows, cols, pageRows);
  };
  /** Keeps the editor over its cell as the page or the grid scrolls. */
  const place = () => {
    if (!editor) return;
    const box = editor.cell.getBoundingClientRect();
    Object.assign(editor.input.style, {
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
    });
  };
  const commitEditor = (move: EarlyEditor["move"]) => {
    if (!editor || editor.committed) return;
    editor.committed = true;
    editor.move = move;
    editor.input.readOnly = true;
    editor.input.setAttribute("aria-busy", "true");
    editor.input.title = waitingNote;
  };
  const openEditor = (cell: Element, text: string) => {
    const input = document.createElement("input");
    input.setAttribute("aria-label", "Edit cell");
    input.className = editorClass;
    input.value = text;
    editor = { input, cell, committed: false, move: null };
    place();
    document.body.appendChild(input);
    input.focus();
    input.addEventListener("blur", () => {
      if (editor?.input === input) commitEditor(null);
    });
  };
  /** Its keys, handled here at the window: React, not hydrated yet, never sees the editor's events. */
  const editorKey = (e: KeyboardEvent, open: NonNullable<typeof editor>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      editor = null;
      open.input.remove();
      (open.cell.closest("[role=grid]") as HTMLElement | null)?.focus({ preventScroll: true });
    } else if (!open.committed && (e.key === "Enter" || e.key === "Tab")) {
      e.preventDefault();
      commitEditor(e.key === "Enter" ? "ArrowDown" : "Tab");
    }
  };
  addEventListener("scroll", place, true);
  addEventListener("resize", place);
  const keep = (e: Event) => {
    if (editor && e.target === editor.input) {
      // The input's own typing (its default action) goes on; listeners, React's among them, do not run.
      e.stopImmediatePropagation();
      if (e instanceof KeyboardEvent && e.type === "keydown") editorKey(e, editor);
      return;
    }
    const target = e.target instanceof Element ? e.target : null;
    const grid = target?.closest<HTMLElement>("[role=grid]");
    if (!target || !grid) return;
    e.stopImmediatePropagation();
    // The editor holds the input until the grid takes it.
    if (editor) return;
    if (e instanceof KeyboardEvent && e.type === "keydown" && target === grid && live) {
      // Shift+Space is the grid's "expand the row", not a typed space.
      const typed = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && !(e.key === " " && e.shiftKey);
      const cols = (grid.getAttribute("data-typing-cols") ?? "").split(",");
      const cell = cellAt(grid, active);
      if (typed && cell && !cell.closest("[data-placeholder]") && cols.includes(String(active.col + 1))) {
        e.preventDefault();
        openEditor(cell, e.key);
        return;
      }
    }
    let input: EarlyInput | null = null;
    if (e instanceof MouseEvent && e.type === "mousedown" && e.button === 0) {
      const cell = target.closest("[role=gridcell][aria-colindex]");
      const row = cell?.closest("[role=row][aria-rowindex]");
      if (!cell || !row) return;
      const line = Number(row.getAttribute("aria-rowindex")) - 2;
      input = { kind: "cell", line, col: Number(cell.getAttribute("aria-colindex")) - 1, shift: e.shiftKey };
    } else if (e instanceof KeyboardEvent && e.type === "keydown" && target === grid && movingKeys.includes(e.key)) {
      // The grid moves its active cell: the page does not scroll, nor focus leave for the next control.
      e.preventDefault();
      input = { kind: "key", key: e.key, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey };
    }
    if (!input) return;
    const next = live ? nextCell(grid, input) : null;
    if (next && show(grid, next)) {
      if (takenAt) kept.push(input);
      return;
    }
    live = false;
    kept.push(input);
  };
  for (const type of stopped) addEventListener(type, keep, true);
  const done: Handover = {
    taken() {
      // The same cell each time: a render React starts again replays the same kept input from it.
      takenAt ??= { ...active };
      return gone() ? null : takenAt;
    },
    take() {
      for (const type of stopped) removeEventListener(type, keep, true);
      removeEventListener("scroll", place, true);
      removeEventListener("resize", place);
      const open = editor;
      const focused = open !== null && document.activeElement === open.input;
      editor = null;
      open?.input.remove();
      if (gone()) return { input: [], editor: null };
      // Back to the cell React took (before the browser paints): its replay of what was kept then
      // draws the active cell where the grid's own rules put it, with no other cell left marked.
      const grid = document.querySelector("[role=grid]");
      if (takenAt && grid && (takenAt.row !== active.row || takenAt.col !== active.col)) show(grid, takenAt);
      return {
        input: kept.splice(0),
        editor: open && {
          text: open.input.value,
          committed: open.committed,
          move: open.move,
          focused,
        },
      };
    },
  };
  (window as unknown as Record<string, Handover>)[handover] = done;
}

/** The inline script, for a `<script>` just before the grid in the server's HTML. */
export const earlyInputScript = `(${earlyGrid.toString()})(${[HANDOVER, MOVING_KEYS, STOPPED, EDITOR_CLASS, WAITING_NOTE].map((a) => JSON.stringify(a)).join(",")},${moveActive.toString()})`;

/**
 * The active cell the page shows, for the grid's first render: where the script had moved it, or
 * null (on the server, and when the page was not drawn by the server).
 */
export function earlyActiveCell(): Cell | null {
  return typeof window === "undefined" ? null : (window[HANDOVER]?.taken() ?? null);
}

export type Selection = { active: Cell; anchor: Cell };

/**
 * Where the kept input leaves the active cell and the selection's other corner, replayed with
 * the grid's own rules; null when none of it moved anything. `rowAt` maps a drawn line to its row.
 */
export function replayEarlyInput(
  input: readonly EarlyInput[],
  start: Selection,
  grid: { rows: number; cols: number; pageRows: number; rowAt: (line: number) => number | undefined },
): Selection | null {
  let { active, anchor } = start;
  let moved = false;
  for (const event of input) {
    if (event.kind === "cell") {
      const row = grid.rowAt(event.line);
      if (row === undefined || event.col < 0 || event.col >= grid.cols) continue;
      active = { row, col: event.col };
      if (!event.shift) anchor = active;
    } else {
      const command = keyCommand(event, active, { ...grid, checkbox: false });
      if (command?.do !== "move") continue;
      active = command.to;
      if (!command.extend) anchor = active;
    }
    moved = true;
  }
  return moved ? { active, anchor } : null;
}

/**
 * Replays the kept input once, as the grid hydrates (before the browser paints it), then hands
 * over the script's editor (opened at the cell the replay ends on), and ends the script.
 */
export function useEarlyInput(replay: (input: EarlyInput[], editor: EarlyEditor | null) => void) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, with what the page kept until then
  useLayoutEffect(() => {
    const handover = window[HANDOVER];
    if (!handover) return;
    delete window[HANDOVER];
    const { input, editor } = handover.take();
    if (input.length || editor) replay(input, editor);
  }, []);
}
