/** The dropdown menu look shared by every menu in the app (Radix DropdownMenu underneath). */
import * as Menu from "@radix-ui/react-dropdown-menu";
import clsx from "clsx";
import type { ReactNode } from "react";

export const menuItemClass =
  "flex h-8 cursor-default items-center gap-2 rounded-md px-2 text-[13px] outline-none data-[highlighted]:bg-surface-2";

export function MenuContent({
  align,
  wide,
  children,
}: {
  align: "start" | "end";
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <Menu.Portal>
      <Menu.Content
        align={align}
        sideOffset={4}
        className={clsx("z-50 rounded-lg border border-line bg-surface p-1 shadow-lg", wide ? "min-w-56" : "min-w-40")}
      >
        {children}
      </Menu.Content>
    </Menu.Portal>
  );
}
