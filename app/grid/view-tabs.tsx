/**
 * The table's saved views as tabs: switch (the choice is in the URL, so a link opens the same
 * view), add a blank one, and rename, duplicate or delete one from its menu.
 */
import * as Menu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, Plus } from "lucide-react";
import { useState } from "react";
import { ViewSpec } from "../../schema/tables";
import { DEFAULT_VIEW, removeView, writeView } from "../../sync/layout";
import type { TableSync } from "../../sync/provider";
import { MenuContent, menuItemClass } from "../components/menu";

type Props = {
  /** Null until the table's views have synced: the tabs show the served view and change nothing. */
  sync: TableSync | null;
  views: { id: string; view: ViewSpec }[];
  current: string;
  readOnly: boolean;
  onSwitch: (viewId: string) => void;
};

const newViewId = () => `v${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;

export function ViewTabs({ sync, views, current, readOnly, onSwitch }: Props) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const last = views.reduce((n, v) => Math.max(n, v.view.position), 0);
  const add = (from: ViewSpec | null, name: string) => {
    if (!sync) return;
    const id = newViewId();
    const view = ViewSpec.parse({ ...(from ?? {}), name, position: last + 1 });
    sync.manifest.transact(() => writeView(sync.manifest, id, view));
    onSwitch(id);
  };
  const uniqueName = (base: string) => {
    const names = new Set(views.map((v) => v.view.name));
    for (let n = 1; ; n++) if (!names.has(n === 1 ? base : `${base} ${n}`)) return n === 1 ? base : `${base} ${n}`;
  };

  return (
    <div role="tablist" aria-label="Views" className="flex min-w-0 items-center gap-1 overflow-x-auto">
      {views.map(({ id, view }) =>
        renaming === id ? (
          <form
            key={id}
            onSubmit={(e) => {
              e.preventDefault();
              const name = String(new FormData(e.currentTarget).get("name") ?? "").trim();
              if (name && sync) sync.manifest.transact(() => writeView(sync.manifest, id, { ...view, name }));
              setRenaming(null);
            }}
          >
            <input
              name="name"
              autoFocus
              aria-label={`New name for the view ${view.name}`}
              defaultValue={view.name}
              maxLength={80}
              onBlur={(e) => e.currentTarget.form?.requestSubmit()}
              onKeyDown={(e) => e.key === "Escape" && setRenaming(null)}
              className="h-7 w-36 rounded border border-accent bg-surface px-2 text-[13px]"
            />
          </form>
        ) : (
          <span
            key={id}
            className={`flex items-center rounded-md text-[13px] ${id === current ? "bg-accent-soft text-accent" : "text-muted hover:bg-surface-2"}`}
          >
            <button
              type="button"
              role="tab"
              aria-selected={id === current}
              disabled={!sync}
              onClick={() => onSwitch(id)}
              className="h-7 px-2.5 font-medium"
            >
              {view.name}
            </button>
            {readOnly || !sync || id !== current ? null : (
              <Menu.Root>
                <Menu.Trigger aria-label={`${view.name} view menu`} className="grid h-7 w-6 place-items-center">
                  <ChevronDown className="h-3.5 w-3.5" />
                </Menu.Trigger>
                <MenuContent align="start">
                  <Menu.Item className={menuItemClass} onSelect={() => setRenaming(id)}>
                    Rename view
                  </Menu.Item>
                  <Menu.Item className={menuItemClass} onSelect={() => add(view, uniqueName(`${view.name} copy`))}>
                    Duplicate view
                  </Menu.Item>
                  {id === DEFAULT_VIEW ? null : (
                    <Menu.Item
                      className={`${menuItemClass} text-danger`}
                      onSelect={() => {
                        if (!confirm(`Delete the view “${view.name}”? Its rows stay in the table.`)) return;
                        sync?.manifest.transact(() => removeView(sync.manifest, id));
                        onSwitch(DEFAULT_VIEW);
                      }}
                    >
                      Delete view
                    </Menu.Item>
                  )}
                </MenuContent>
              </Menu.Root>
            )}
          </span>
        ),
      )}
      {readOnly ? null : (
        <button
          type="button"
          aria-label="Add a view"
          disabled={!sync}
          onClick={() => add(null, uniqueName("Grid view"))}
          className="grid h-7 w-7 place-items-center rounded-md text-muted hover:bg-surface-2 hover:text-fg"
        >
          <Plus className="h-4 w-4" />
        </button>
      )}
    </div>
  );
}
