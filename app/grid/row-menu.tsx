/** The menu behind a row's number: expand it, insert, duplicate or move a row, delete the selected rows. */
import * as Menu from "@radix-ui/react-dropdown-menu";
import { type KeyboardEvent, type PointerEvent, useState } from "react";
import { MenuContent, menuItemClass } from "../components/menu";

const TRIGGER_CLASS = "rounded px-1 hover:bg-surface-2 hover:text-fg";
/** The keys that open a Radix menu from its trigger. */
const OPEN_KEYS = new Set(["Enter", " ", "ArrowDown"]);

export function RowMenu({
  number,
  count,
  readOnly,
  onExpand,
  onInsert,
  onDelete,
  onMove,
}: {
  number: number;
  count: number;
  readOnly: boolean;
  onExpand: () => void;
  onInsert: (copy: boolean) => void;
  onDelete: () => void;
  /** Moves the row up or down one place; absent while a sort or grouping sets the order. */
  onMove?: (by: -1 | 1) => void;
}) {
  // Every drawn row has a menu, and a menu's Radix parts cost more to mount than the row's cells: a
  // plain button stands in until the menu is first opened, the way a Radix trigger opens it.
  const [open, setOpen] = useState<boolean | null>(null);
  const label = `Row ${number} menu`;
  if (open === null) {
    const openNow = (e: PointerEvent | KeyboardEvent) => {
      e.preventDefault();
      setOpen(true);
    };
    return (
      <button
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={false}
        className={TRIGGER_CLASS}
        onPointerDown={(e) => e.button === 0 && !e.ctrlKey && openNow(e)}
        onKeyDown={(e) => OPEN_KEYS.has(e.key) && openNow(e)}
      >
        {number}
      </button>
    );
  }
  return (
    <Menu.Root open={open} onOpenChange={setOpen}>
      <Menu.Trigger aria-label={label} className={TRIGGER_CLASS}>
        {number}
      </Menu.Trigger>
      <MenuContent align="start">
        <Menu.Item className={menuItemClass} onSelect={onExpand}>
          Expand row
        </Menu.Item>
        {readOnly ? null : (
          <>
            <Menu.Item className={menuItemClass} onSelect={() => onInsert(false)}>
              Insert row below
            </Menu.Item>
            <Menu.Item className={menuItemClass} onSelect={() => onInsert(true)}>
              Duplicate row
            </Menu.Item>
            <Menu.Item className={menuItemClass} disabled={!onMove} onSelect={() => onMove?.(-1)}>
              Move up
            </Menu.Item>
            <Menu.Item className={menuItemClass} disabled={!onMove} onSelect={() => onMove?.(1)}>
              Move down
            </Menu.Item>
            <Menu.Item className={`${menuItemClass} text-danger`} onSelect={onDelete}>
              {count > 1 ? `Delete ${count} rows` : "Delete row"}
            </Menu.Item>
          </>
        )}
      </MenuContent>
    </Menu.Root>
  );
}
