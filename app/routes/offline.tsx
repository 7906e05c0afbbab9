/**
 * The offline shell: what the service worker answers a page with when there is no network and no
 * copy of that page (public/sw.js keeps this page's HTML from install). Its HTML is this page's
 * whatever the address, so its first script, before React Router starts, moves the address to
 * `/offline?to=<address>`: the router then hydrates the page the HTML was rendered as, and the page
 * opens the address in the app, whose pages take their data from what the browser keeps
 * (app/offline/kept.ts).
 */
import { CloudOff } from "lucide-react";
import { useEffect } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { Logo } from "../components/ui";
import { safeNext } from "../lib/safe-next";
import type { Route } from "./+types/offline";

export const meta: Route.MetaFunction = () => [{ title: "Rowpilot" }];

/** This page's path; public/sw.js keeps it under this name. */
const SHELL = "/offline";

/** Runs as the HTML is read, before the router reads the address (module scripts run after it). */
const toShellScript = `if (location.pathname !== ${JSON.stringify(SHELL)}) history.replaceState(history.state, "", ${JSON.stringify(`${SHELL}?to=`)} + encodeURIComponent(location.pathname + location.search + location.hash));`;

export default function OfflineShell() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const to = safeNext(params.get("to"));
  useEffect(() => {
    navigate(to, { replace: true });
  }, [navigate, to]);
  return (
    <main className="grid min-h-screen place-items-center p-6">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script that moves the address before the router starts */}
      <script dangerouslySetInnerHTML={{ __html: toShellScript }} />
      <div className="text-center">
        <Logo />
        <p role="status" className="mt-4 flex items-center justify-center gap-1.5 text-[13px] text-muted">
          <CloudOff className="h-4 w-4" aria-hidden /> Opening with no network…
        </p>
      </div>
    </main>
  );
}
