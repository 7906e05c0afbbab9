/** Typing into a cell: Enter or Tab commits and moves on, Esc gives up, leaving the cell commits. */
import { useRef } from "react";

export function CellEditor({
  text,
  error,
  onChange,
  onCommit,
  onCancel,
}: {
  text: string;
  error: string | null;
  onChange: (text: string) => void;
  onCommit: (text: string, move: "ArrowDown" | "Tab" | null) => void;
  onCancel: () => void;
}) {
  // A key that ends editing also moves focus away; the blur that follows must not commit again.
  const handled = useRef(false);
  return (
    <>
      <input
        autoFocus
        aria-label="Edit cell"
        aria-invalid={Boolean(error)}
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
          if (!handled.current) onCommit(text, null);
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
      ) : null}
    </>
  );
}
