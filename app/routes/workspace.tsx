import "../lib/page-turn";
import * as Menu from "@radix-ui/react-dropdown-menu";
import clsx from "clsx";
import {
  Activity,
  Car,
  ChartLine,
  Check,
  ChevronsUpDown,
  CreditCard,
  Crosshair,
  Gauge,
  Globe,
  Inbox,
  KeyRound,
  LogOut,
  Mail,
  Plus,
  Route as RouteIcon,
  Settings,
  Table2,
  Users,
  Zap,
} from "lucide-react";
import type { FormEvent } from "react";
import { Form, Link, NavLink, Outlet, useLoaderData, useMatches } from "react-router";
import type { Me, WorkspaceSummary } from "../../schema/api";
import { changesWaiting } from "../../sync/provider";
import { MenuContent } from "../components/menu";
import { ThemeToggle } from "../components/theme";
import { Logo } from "../components/ui";
import { apiGet } from "../lib/api.server";
import { KEPT, serverOrKept, useKeep } from "../offline/kept";
import type { Route } from "./+types/workspace";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const [me, workspace] = await Promise.all([
    apiGet<Me>(context, request, "/api/me"),
    apiGet<WorkspaceSummary>(context, request, `/api/workspaces/${encodeURIComponent(params.slug)}`),
  ]);
  return { me, workspace };
}

/** With no server, the workspace as this device last saw it. */
export function clientLoader({ params, serverLoader }: Route.ClientLoaderArgs) {
  return serverOrKept(
    KEPT.workspace(params.slug),
    serverLoader,
    "This workspace was never opened on this device, so there is no copy of it here. Reconnect to open it.",
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.workspace.name} · Rowpilot` : "Rowpilot" },
];

const NAV = [
  { to: "", label: "Tables", icon: Table2, end: true },
  { to: "projects", label: "Projects", icon: Car },
  { to: "hunting", label: "Hunting", icon: Crosshair },
  { to: "sites", label: "Sites", icon: Globe },
  { to: "messages", label: "Messages", icon: Mail },
  { to: "inbox", label: "Inbox", icon: Inbox },
  { to: "campaigns", label: "Campaigns", icon: ChartLine },
  { to: "journeys", label: "Journeys", icon: RouteIcon },
  { to: "autopilot", label: "Autopilot", icon: Gauge },
  { to: "billing", label: "Billing", icon: CreditCard },
  { to: "automations", label: "Automations", icon: Zap },
  { to: "members", label: "Members", icon: Users },
  { to: "tokens", label: "API tokens", icon: KeyRound, owner: true },
  { to: "settings", label: "Settings", icon: Settings },
  { to: "activity", label: "Activity", icon: Activity, owner: true },
];

export default function WorkspaceLayout({ params }: Route.ComponentProps) {
  const data = useLoaderData<typeof loader>();
  useKeep(KEPT.workspace(params.slug), data);
  useKeep(KEPT.lastWorkspace, params.slug);
  const { me, workspace } = data;
  const nav = NAV.filter((item) => !item.owner || workspace.role === "owner");
  // A table uses the whole width; settings pages read better in a column.
  const wide = useMatches().some((m) => m.id === "routes/table" || m.id === "routes/journey-builder");
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex shrink-0 flex-col border-line bg-surface md:w-60 md:border-r">
        <div className="flex items-center justify-between px-4 pt-4 pb-2">
          <Logo />
          <div className="flex items-center gap-1">
            <ThemeToggle />
            <Form method="post" action="/sign-out" className="md:hidden" onSubmit={confirmSignOut}>
              <button
                type="submit"
                aria-label="Sign out"
                className="grid h-9 w-9 place-items-center rounded-md text-muted hover:bg-surface-2"
              >
                <LogOut className="h-4 w-4" aria-hidden />
              </button>
            </Form>
          </div>
        </div>
        <div className="px-3 py-2">
          <WorkspaceSwitcher current={workspace} all={me.workspaces} />
        </div>
        <nav aria-label="Workspace" className="flex gap-1 overflow-x-auto px-3 pb-3 md:flex-col md:overflow-visible">
          {nav.map(({ to, label, icon: Icon, end }) => (
            <NavLink
              key={label}
              to={to}
              end={end}
              className={({ isActive }) =>
                clsx(
                  "flex h-8 shrink-0 items-center gap-2 rounded-md px-2.5 text-[13px] font-medium",
                  isActive ? "bg-accent-soft text-accent" : "text-muted hover:bg-surface-2 hover:text-fg",
                )
              }
            >
              <Icon className="h-4 w-4" aria-hidden />
              {label}
            </NavLink>
          ))}
        </nav>
        <div className="mt-auto hidden border-t border-line px-4 py-3 md:block">
          <p className="truncate text-[13px] font-medium">{me.user.name}</p>
          <p className="truncate text-xs text-muted">{me.user.email}</p>
          <Form method="post" action="/sign-out" className="mt-2" onSubmit={confirmSignOut}>
            <button type="submit" className="flex items-center gap-1.5 text-xs text-muted hover:text-fg">
              <LogOut className="h-3.5 w-3.5" aria-hidden /> Sign out
            </button>
          </Form>
        </div>
      </aside>
      <main className={clsx("min-w-0 flex-1", wide ? "px-3 py-3 md:px-5 md:py-4" : "px-4 py-6 md:px-10 md:py-8")}>
        <div className={wide ? "h-full" : "mx-auto max-w-5xl"}>
          <Outlet />
        </div>
      </main>
    </div>
  );
}

function WorkspaceSwitcher({ current, all }: { current: WorkspaceSummary; all: WorkspaceSummary[] }) {
  return (
    <Menu.Root>
      <Menu.Trigger
        className="flex h-10 w-full items-center gap-2 rounded-md border border-line bg-surface px-2.5 text-left hover:bg-surface-2"
        aria-label="Switch workspace"
      >
        <span className="grid h-6 w-6 place-items-center rounded bg-surface-2 text-xs font-semibold">
          {current.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-[13px] font-medium">{current.name}</span>
          <span className="block text-[11px] capitalize text-muted">{current.role}</span>
        </span>
        <ChevronsUpDown className="h-4 w-4 text-muted" aria-hidden />
      </Menu.Trigger>
      <MenuContent align="start" wide>
        <Menu.Label className="px-2 py-1.5 text-[11px] font-medium uppercase tracking-wide text-muted">
          Workspaces
        </Menu.Label>
        {all.map((ws) => (
          <Menu.Item key={ws.id} asChild>
            <Link
              to={`/w/${ws.slug}`}
              className="flex h-8 items-center gap-2 rounded-md px-2 text-[13px] outline-none data-[highlighted]:bg-surface-2"
            >
              <span className="flex-1 truncate">{ws.name}</span>
              {ws.id === current.id ? <Check className="h-4 w-4 text-accent" aria-hidden /> : null}
            </Link>
          </Menu.Item>
        ))}
        <Menu.Separator className="my-1 h-px bg-line" />
        <Menu.Item asChild>
          <Link
            to="/new"
            className="flex h-8 items-center gap-2 rounded-md px-2 text-[13px] outline-none data-[highlighted]:bg-surface-2"
          >
            <Plus className="h-4 w-4" aria-hidden /> New workspace
          </Link>
        </Menu.Item>
      </MenuContent>
    </Menu.Root>
  );
}

/** Signing out clears what the browser keeps offline: first ask if changes made offline are still waiting. */
function confirmSignOut(event: FormEvent<HTMLFormElement>) {
  const waiting = changesWaiting();
  if (!waiting) return;
  const plural = waiting === 1 ? "change is" : "changes are";
  if (!confirm(`${waiting} ${plural} not saved to the server yet; signing out deletes them. Sign out anyway?`))
    event.preventDefault();
}
