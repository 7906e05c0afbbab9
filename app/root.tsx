import { useEffect } from "react";
import { isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration } from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { themeScript } from "./components/theme";
import { Logo } from "./components/ui";

export const meta: Route.MetaFunction = () => [{ title: "Rowpilot" }];

export const links: Route.LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

export function Layout({ children }: { children: React.ReactNode }) {
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
  useEffect(() => {
    // The service worker keeps the app shell available offline (public/sw.js).
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => {});
  }, []);
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let title = "Something went wrong";
  let message = "An unexpected error occurred. Try again, and if it keeps happening, tell us what you did.";
  if (isRouteErrorResponse(error)) {
    title = error.status === 404 ? "Not found" : error.status === 403 ? "Not allowed" : `Error ${error.status}`;
    message = (error.data as { message?: string } | undefined)?.message ?? error.statusText ?? message;
  }
  return (
    <main className="grid min-h-screen place-items-center p-6">
      <div className="w-full max-w-md rounded-lg border border-line bg-surface p-8 text-center">
        <Logo />
        <h1 className="mt-6 text-lg font-semibold">{title}</h1>
        <p className="mt-2 text-[13px] text-muted">{message}</p>
        <Link to="/" className="mt-6 inline-block text-[13px] font-medium text-accent hover:underline">
          Back to Rowpilot
        </Link>
      </div>
    </main>
  );
}
