/**
 * Typing into a cell: Enter or Tab commits and moves on, Esc gives up, leaving the cell commits.
 * An edit committed before its row has synced stays open, saying it waits, until the grid saves it.
 */
import { useRef } from "react";

/** What an edit committed before its row has synced says while it waits. */
export const WAITING_NOTE = "Saves when the table has loaded";
/** Where the active cell goes once an edit is saved. */
export type EditMove = "ArrowDown" | "Tab";
/** An edit under way at the active cell; `waiting` once committed before its row could take it. */
export type Editing = {
  /** The row and column it was opened on: it is saved there, wherever they are by then. */
  rowId: string;
  columnId: string;
  text: string;
  error: string | null;
  waiting?: { move: EditMove | null };
  /** Set when it opens without focus (taken over from the page's editor after focus had left it). */
  unfocused?: true;
};

export function CellEditor({
  text,
  error,
  waiting,
  focus,
  onChange,
  onCommit,
  onCancel,
}: {
  text: string;
  error: string | null;
  waiting: boolean;
  focus: boolean;
  onChange: (text: string) => void;
  onCommit: (text: string, move: EditMove | null) => void;
  onCancel: () => void;
}) {
  // A key that ends editing also moves focus away; the blur that follows must not commit again.
  const handled = useRef(false);
  return (
    <>
      <input
        autoFocus={focus}
        aria-label="Edit cell"
        aria-invalid={Boolean(error)}
        aria-busy={waiting || undefined}
        // Committed: it waits as it is (Esc still drops it).
        readOnly={waiting}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Enter" || e.key === "Tab") {
            e.preventDefault();
            handled.current = true;
            onCommit(text, e.key === "Enter" ? "ArrowDown" : "Tab");
            handled.current = false;
          } else if (e.key === "Escape") {
            e.preventDefault();
            handled.current = true;
            onCancel();
          }
        }}
        onBlur={() => {
          // A waiting edit is saved by the grid, which may move focus away as it does.
          if (!handled.current && !waiting) onCommit(text, null);
        }}
        className="absolute inset-0 z-[3] w-full bg-surface px-2 outline outline-2 -outline-offset-2 outline-accent"
      />
      {error ? (
        <span
          role="alert"
          className="absolute top-full left-0 z-30 mt-0.5 rounded bg-danger px-1.5 py-0.5 text-xs text-white"
        >
          {error}
        </span>
      ) : waiting ? (
        <span
          role="status"
          className="absolute top-full left-0 z-30 mt-0.5 rounded bg-fg px-1.5 py-0.5 text-xs whitespace-nowrap text-surface"
        >
          {WAITING_NOTE}
        </span>
      ) : null}
    </>
  );
}
