/** A column header's menu: sort, hide, move, resize, rename, edit a formula or button, change type, delete. */
import * as Dialog from "@radix-ui/react-dialog";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { ChevronDown } from "lucide-react";
import { useState } from "react";
import { createPortal } from "react-dom";
import { renameReferences } from "../../schema/formula";
import type { ColumnDef, ColumnType } from "../../schema/tables";
import { columnsOf, removeColumn, renameColumn, setColumnOptions } from "../../sync/layout";
import type { TableSync } from "../../sync/provider";
import { MenuContent, menuItemClass } from "../components/menu";
import { Button } from "../components/ui";
import { changeType } from "./change-type";
import { isComputed, keepsItsType, TYPE_LABELS } from "./column-types";
import { ComputedFields, problemOf, type Sample } from "./computed-fields";
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from "./sizes";
import { updateView } from "./use-table";
import { moveColumn } from "./view";

/** How much "Widen" and "Narrow" in a column's menu change its width, for keyboard users. */
const WIDTH_STEP = 40;

type MenuProps = {
  sync: TableSync;
  viewId: string;
  column: ColumnDef;
  /** Every column of the table, and the ones this view shows in their order. */
  columns: ColumnDef[];
  shown: ColumnDef[];
  width: number;
  readOnly: boolean;
  sample: Sample;
};

export function ColumnMenu({ sync, viewId, column, columns, shown, width, readOnly, sample }: MenuProps) {
  const [renaming, setRenaming] = useState(false);
  /** The shown column next to this one, left (-1) or right (1). */
  const neighbor = (by: -1 | 1) => shown[shown.findIndex((c) => c.id === column.id) + by];
  const moveBy = (by: -1 | 1) => {
    const target = neighbor(by);
    if (target) updateView(sync, viewId, (v) => ({ ...v, order: moveColumn(columns, v.order, column.id, target.id) }));
  };
  const resizeBy = (step: number) =>
    updateView(sync, viewId, (v) => ({
      ...v,
      widths: { ...v.widths, [column.id]: Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, width + step)) },
    }));
  const [configuring, setConfiguring] = useState(false);
  const [name, setName] = useState(column.name);
  /** A windowed table's blocks converted so far, while its type changes. */
  const [converting, setConverting] = useState<{ done: number; total: number } | null>(null);
  const convertTo = (type: ColumnType) =>
    changeType(sync, column, type, (done, total) => setConverting(done < total ? { done, total } : null)).catch(() =>
      setConverting(null),
    );
  if (renaming) {
    return (
      <form
        className="flex-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) renameEverywhere(sync, column, name.trim());
          setRenaming(false);
        }}
      >
        <input
          autoFocus
          aria-label={`New name for ${column.name}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => setRenaming(false)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === "Escape") setRenaming(false);
          }}
          className="h-6 w-full rounded border border-accent bg-surface px-1 text-fg"
        />
      </form>
    );
  }
  return (
    <>
      {converting ? <Converting name={column.name} {...converting} /> : null}
      {configuring && isComputed(column.type) ? (
        <ComputedDialog
          title={column.type === "formula" ? `Formula of “${column.name}”` : `Button “${column.name}”`}
          type={column.type}
          initial={column.options}
          columns={columns.filter((c) => c.id !== column.id)}
          sample={sample}
          onClose={() => setConfiguring(false)}
          onSave={(options) => sync.manifest.transact(() => setColumnOptions(sync.manifest, column.id, options))}
        />
      ) : null}
      <Menu.Root>
        <Menu.Trigger
          disabled={readOnly}
          aria-label={`${column.name} column menu`}
          className="ml-auto grid h-5 w-5 place-items-center rounded text-muted hover:bg-surface disabled:hidden"
        >
          <ChevronDown className="h-3.5 w-3.5" />
        </Menu.Trigger>
        <MenuContent align="end">
          <Menu.Item
            className={menuItemClass}
            onSelect={() =>
              updateView(sync, viewId, (v) => ({ ...v, sorts: [{ columnId: column.id, direction: "asc" }] }))
            }
          >
            Sort {column.type === "number" || column.type === "currency" ? "1 → 9" : "A → Z"}
          </Menu.Item>
          <Menu.Item
            className={menuItemClass}
            onSelect={() =>
              updateView(sync, viewId, (v) => ({ ...v, sorts: [{ columnId: column.id, direction: "desc" }] }))
            }
          >
            Sort {column.type === "number" || column.type === "currency" ? "9 → 1" : "Z → A"}
          </Menu.Item>
          <Menu.Item
            className={menuItemClass}
            onSelect={() => updateView(sync, viewId, (v) => ({ ...v, hidden: [...v.hidden, column.id] }))}
          >
            Hide column
          </Menu.Item>
          <Menu.Item className={menuItemClass} disabled={!neighbor(-1)} onSelect={() => moveBy(-1)}>
            Move left
          </Menu.Item>
          <Menu.Item className={menuItemClass} disabled={!neighbor(1)} onSelect={() => moveBy(1)}>
            Move right
          </Menu.Item>
          <Menu.Item className={menuItemClass} onSelect={() => resizeBy(WIDTH_STEP)}>
            Widen column
          </Menu.Item>
          <Menu.Item className={menuItemClass} onSelect={() => resizeBy(-WIDTH_STEP)}>
            Narrow column
          </Menu.Item>
          <Menu.Separator className="my-1 h-px bg-line" />
          <Menu.Item className={menuItemClass} onSelect={() => setRenaming(true)}>
            Rename column
          </Menu.Item>
          {isComputed(column.type) ? (
            <Menu.Item className={menuItemClass} onSelect={() => setConfiguring(true)}>
              {column.type === "formula" ? "Edit formula" : "Edit button"}
            </Menu.Item>
          ) : null}
          <Menu.Sub>
            <Menu.SubTrigger className={menuItemClass}>Change type</Menu.SubTrigger>
            <Menu.Portal>
              <Menu.SubContent className="z-50 min-w-40 rounded-lg border border-line bg-surface p-1 shadow-lg">
                {TYPE_LABELS.filter(
                  ([type]) => type !== column.type && !keepsItsType(type) && !keepsItsType(column.type),
                ).map(([type, label]) => (
                  <Menu.Item key={type} className={menuItemClass} onSelect={() => void convertTo(type)}>
                    {label}
                  </Menu.Item>
                ))}
              </Menu.SubContent>
            </Menu.Portal>
          </Menu.Sub>
          <Menu.Item
            className={`${menuItemClass} text-danger`}
            onSelect={() => {
              if (confirm(`Delete the column “${column.name}”? Its values are hidden from every view.`)) {
                sync.manifest.transact(() => removeColumn(sync.manifest, column.id));
              }
            }}
          >
            Delete column
          </Menu.Item>
        </MenuContent>
      </Menu.Root>
    </>
  );
}

/** Renames a column and the references to it in the table's formulas, in one transaction. */
function renameEverywhere(sync: TableSync, column: ColumnDef, name: string) {
  const m = sync.manifest;
  m.transact(() => {
    for (const other of columnsOf(m)) {
      if (other.type !== "formula" || typeof other.options.formula !== "string") continue;
      const formula = renameReferences(other.options.formula, column.name, name);
      if (formula !== other.options.formula) setColumnOptions(m, other.id, { ...other.options, formula });
    }
    renameColumn(m, column.id, name);
  });
}

/** Edits a formula or button column's settings, saving only what works. */
function ComputedDialog({
  title,
  type,
  initial,
  columns,
  sample,
  onClose,
  onSave,
}: {
  title: string;
  type: "formula" | "button";
  initial: Record<string, unknown>;
  columns: ColumnDef[];
  sample: Sample;
  onClose: () => void;
  onSave: (options: Record<string, unknown>) => void;
}) {
  const [options, setOptions] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog.Root open onOpenChange={(o) => !o && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(92vw,520px)] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg border border-line bg-surface p-5 shadow-xl">
          <Dialog.Title className="text-[15px] font-semibold">{title}</Dialog.Title>
          <Dialog.Description className="mt-1 text-[13px] text-muted">
            Changes apply for everyone on this table.
          </Dialog.Description>
          <form
            className="mt-4 flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              const why = problem ?? problemOf(type, options);
              if (why) return setProblem(why);
              onSave(options);
              onClose();
            }}
          >
            <ComputedFields
              type={type}
              options={options}
              columns={columns}
              sample={sample}
              onChange={(next, why) => {
                setOptions(next);
                setProblem(why);
              }}
            />
            {problem ? (
              <p role="alert" className="text-[13px] text-danger">
                {problem}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button>Cancel</Button>
              </Dialog.Close>
              <Button type="submit" variant="primary">
                Save
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** A large table's column changing type, block by block: how far it is. */
function Converting({ name, done, total }: { name: string; done: number; total: number }) {
  return createPortal(
    <div
      role="status"
      className="fixed bottom-4 left-1/2 z-50 w-72 -translate-x-1/2 rounded-lg border border-line bg-surface p-3 text-xs shadow-lg"
    >
      <p className="mb-1.5">
        Converting “{name}”: {done.toLocaleString()} of {total.toLocaleString()} blocks
      </p>
      <div
        role="progressbar"
        aria-label={`Converting ${name}`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="h-2 overflow-hidden rounded bg-surface-2"
      >
        <div className="h-full bg-accent transition-all" style={{ width: `${(100 * done) / total}%` }} />
      </div>
    </div>,
    document.body,
  );
}
