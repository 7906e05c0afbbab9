import "./lib/page-turn";
import { useEffect } from "react";
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { RouteError } from "./components/route-error";
import { themeScript } from "./components/theme";
import { registerWhenSettled } from "./offline/service-worker";

export const meta: Route.MetaFunction = () => [{ title: "Rowpilot" }];

export const links: Route.LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

export function Layout({ children }: { children: React.ReactNode }) {
  // The service worker opens the app with no network (public/sw.js); its install waits for the
  // page. Here rather than in App, which an error boundary replaces, cancelling it.
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    return registerWhenSettled(() => void navigator.serviceWorker.register("/sw.js").catch(() => {}));
  }, []);
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script that sets the theme before paint */}
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <main className="grid min-h-screen place-items-center p-6">
      <RouteError error={error} back={{ to: "/", label: "Back to Rowpilot" }} standalone />
    </main>
  );
}
