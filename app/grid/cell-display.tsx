/** How each column type shows its value in a cell. */
import { Check, Star } from "lucide-react";
import { isFormulaError } from "../../schema/formula";
import type { CellValue, ColumnDef } from "../../schema/tables";

const CHIP_COLORS = ["#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#e0e7ff", "#ccfbf1", "#fee2e2", "#f3e8ff"];

function chipColor(text: string): string {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return CHIP_COLORS[h % CHIP_COLORS.length]!;
}

function Chip({ text }: { text: string }) {
  return (
    <span
      className="inline-block rounded px-1.5 text-xs leading-5 text-zinc-800"
      style={{ background: chipColor(text) }}
    >
      {text}
    </span>
  );
}

let plainFormat: Intl.NumberFormat | undefined;
/**
 * Made on first use, not as the module loads: the page's first Intl object loads the browser's
 * locale data (~15 ms), which at load time lengthened the one long task that evaluates the page's
 * scripts, where a click waits.
 */
function numberFormat(): Intl.NumberFormat {
  plainFormat ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });
  return plainFormat;
}
/** Making a currency format costs ~80 µs; a scrolling grid shows hundreds of cells a frame. */
const currencyFormats = new Map<string, Intl.NumberFormat>();
function currencyFormat(currency: string): Intl.NumberFormat {
  let format = currencyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat("en-US", { style: "currency", currency });
    } catch {
      format = numberFormat(); // a currency code the browser does not know
    }
    currencyFormats.set(currency, format);
  }
  return format;
}

const dateFormats = new Map<"date" | "datetime", Intl.DateTimeFormat>();
/** Made on first use, like `numberFormat`; a date alone is formatted in UTC, where it was parsed. */
function dateFormat(kind: "date" | "datetime"): Intl.DateTimeFormat {
  let format = dateFormats.get(kind);
  if (!format) {
    format = new Intl.DateTimeFormat(
      undefined,
      kind === "date" ? { dateStyle: "medium", timeZone: "UTC" } : { dateStyle: "medium", timeStyle: "short" },
    );
    dateFormats.set(kind, format);
  }
  return format;
}

/**
 * A date and time in the reader's locale and time zone ("Dec 6, 2026, 4:34 AM"); a date alone
 * (`2026-12-06`) has no zone and shows as that day anywhere. Text that is not a date shows as it is.
 * The page's first rows are rendered on the server (UTC), so hydration may differ by design.
 */
function DateValue({ value, withTime }: { value: string; withTime: boolean }) {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const at = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at.getTime())) return <span className="truncate">{value}</span>;
  const format = dateFormat(withTime && !dateOnly ? "datetime" : "date");
  return (
    <time dateTime={value} title={value} className="truncate tabular-nums" suppressHydrationWarning>
      {format.format(at)}
    </time>
  );
}

/** A formula's error: a red chip, the code and message on hover and for screen readers. */
export function ErrorChip({ code, message }: { code: string; message: string }) {
  return (
    <span
      title={`${code} ${message}`}
      data-formula-error={code}
      className="inline-block rounded bg-danger-soft px-1.5 text-xs leading-5 font-medium text-danger"
    >
      <span aria-hidden>#ERROR</span>
      <span className="sr-only">
        Error {code}: {message}
      </span>
    </span>
  );
}

/**
 * Colors of the statuses the product's own tables use (contact runs, projects, attempts,
 * territories, scrape runs, leads), by meaning; any other status gets a chip colored by its text.
 */
const STATUS_TONES: Record<string, string> = {
  pending: "#e4e4e7",
  queued: "#e4e4e7",
  draft: "#e4e4e7",
  archived: "#e4e4e7",
  running: "#dbeafe",
  active: "#dbeafe",
  success: "#dcfce7",
  completed: "#dcfce7",
  failed: "#fee2e2",
  failure: "#fee2e2",
  manual_override: "#fef3c7",
  dry_run: "#f3e8ff",
  scraping: "#dbeafe",
  cooldown: "#e0f2fe",
  exhausted: "#e4e4e7",
  succeeded: "#dcfce7",
  new: "#e4e4e7",
  qualified: "#dcfce7",
  disqualified: "#fee2e2",
  "site generated": "#f3e8ff",
  pitched: "#dbeafe",
  claimed: "#fef3c7",
  customer: "#bbf7d0",
};

function StatusChip({ text }: { text: string }) {
  const tone = STATUS_TONES[text];
  if (!tone) return <Chip text={text} />;
  return (
    <span className="inline-block rounded px-1.5 text-xs leading-5 text-zinc-800" style={{ background: tone }}>
      {text.replace(/_/g, " ")}
    </span>
  );
}

/** A fraction (0–1) as a bar with its percentage: how far a piece of work has come. */
function ProgressBar({ value }: { value: number }) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <span className="flex w-full items-center gap-2">
      <span
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        className="h-1.5 flex-1 overflow-hidden rounded-full bg-surface-2"
      >
        <span className="block h-full rounded-full bg-accent" style={{ width: `${percent}%` }} />
      </span>
      <span className="w-9 text-right text-xs tabular-nums text-muted">{percent}%</span>
    </span>
  );
}

/**
 * A formula result shows by what it is: numbers to the right, booleans as a tick, lists as chips;
 * a number with the column's `display` option as a percentage or a progress bar.
 */
function FormulaValue({ value, display }: { value: CellValue; display?: unknown }) {
  if (isFormulaError(value)) return <ErrorChip code={value.error} message={value.message} />;
  if (typeof value === "number" && display === "progress") return <ProgressBar value={value} />;
  if (typeof value === "number" && display === "percent")
    return (
      <span className="block w-full text-right tabular-nums">
        {numberFormat().format(Math.round(value * 1000) / 10)}%
      </span>
    );
  if (typeof value === "number")
    return <span className="block w-full text-right tabular-nums">{numberFormat().format(value)}</span>;
  if (typeof value === "boolean") return value ? <CellDisplay column={BOOLEAN} value={true} /> : null;
  if (Array.isArray(value)) return <span className="truncate">{value.map((v) => String(v)).join(", ")}</span>;
  return <span className="truncate">{String(value)}</span>;
}
const BOOLEAN: ColumnDef = { id: "", name: "", type: "checkbox", options: {} };

export function CellDisplay({ column, value }: { column: ColumnDef; value: CellValue | undefined }) {
  if (value === null || value === undefined || value === "") return null;
  switch (column.type) {
    case "formula":
      return <FormulaValue value={value} display={column.options.display} />;
    case "number":
      return (
        <span className="block w-full text-right tabular-nums">
          {typeof value === "number" ? numberFormat().format(value) : String(value)}
        </span>
      );
    case "currency": {
      const currency = typeof column.options.currency === "string" ? column.options.currency : "USD";
      const text = typeof value === "number" ? currencyFormat(currency).format(value) : String(value);
      return <span className="block w-full text-right tabular-nums">{text}</span>;
    }
    case "percent":
      return (
        <span className="block w-full text-right tabular-nums">
          {typeof value === "number" ? `${numberFormat().format(value * 100)}%` : String(value)}
        </span>
      );
    case "checkbox":
      return value === true ? (
        <span
          className="grid h-4 w-4 place-items-center rounded bg-accent text-accent-fg"
          role="img"
          aria-label="checked"
        >
          <Check className="h-3 w-3" />
        </span>
      ) : null;
    case "rating":
      return (
        <span className="flex text-amber-500" role="img" aria-label={`${value} stars`}>
          {Array.from({ length: Number(value) || 0 }, (_, i) => `star-${i}`).map((key) => (
            <Star key={key} className="h-3.5 w-3.5 fill-current" />
          ))}
        </span>
      );
    case "singleSelect":
      return <Chip text={String(value)} />;
    case "status":
      return <StatusChip text={String(value)} />;
    case "multiSelect":
      return (
        <span className="flex gap-1 overflow-hidden">
          {(Array.isArray(value) ? value : [value]).map((v) => (
            <Chip key={String(v)} text={String(v)} />
          ))}
        </span>
      );
    case "url":
      return (
        <a
          href={String(value)}
          target="_blank"
          rel="noreferrer noopener"
          className="text-accent underline"
          onClick={(e) => e.stopPropagation()}
        >
          {String(value)}
        </a>
      );
    case "date":
    case "datetime":
      return typeof value === "string" ? (
        <DateValue value={value} withTime={column.type === "datetime"} />
      ) : (
        <span className="truncate">{String(value)}</span>
      );
    case "email":
      return (
        <a href={`mailto:${String(value)}`} className="text-accent underline">
          {String(value)}
        </a>
      );
    default:
      return <span className="truncate">{typeof value === "object" ? JSON.stringify(value) : String(value)}</span>;
  }
}
