/** The menu behind a row's number: expand it, insert, duplicate or move a row, delete the selected rows. */
import * as Menu from "@radix-ui/react-dropdown-menu";
import { MenuContent, menuItemClass } from "../components/menu";

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
  return (
    <Menu.Root>
      <Menu.Trigger aria-label={`Row ${number} menu`} className="rounded px-1 hover:bg-surface-2 hover:text-fg">
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
