/** What a page that failed says (not found, not allowed, not available offline, or what went wrong), with a way back. */
import { CloudOff } from "lucide-react";
import { isRouteErrorResponse, Link } from "react-router";
import { isNotKept, unreachable } from "../offline/kept";
import { Logo } from "./ui";

/** A page with no server to ask and no copy kept on this device. */
export const NOT_KEPT_TITLE = "Not available offline";

export function describeError(error: unknown): { title: string; message: string; offline: boolean } {
  if (isNotKept(error)) return { title: NOT_KEPT_TITLE, message: error.data.message, offline: true };
  if (unreachable(error))
    return {
      title: NOT_KEPT_TITLE,
      message: "This page was never opened on this device, so there is no copy of it here. Reconnect to open it.",
      offline: true,
    };
  if (isRouteErrorResponse(error)) {
    const title = error.status === 404 ? "Not found" : error.status === 403 ? "Not allowed" : `Error ${error.status}`;
    const message = (error.data as { message?: string } | undefined)?.message ?? error.statusText;
    return { title, message: message || GENERIC, offline: false };
  }
  return { title: "Something went wrong", message: GENERIC, offline: false };
}

const GENERIC = "An unexpected error occurred. Try again, and if it keeps happening, tell us what you did.";

/** The error as a card; `standalone` when it is the whole page (no app around it), with the logo. */
export function RouteError({
  error,
  back,
  standalone = false,
}: {
  error: unknown;
  back: { to: string; label: string };
  standalone?: boolean;
}) {
  const { title, message, offline } = describeError(error);
  return (
    <div className="w-full max-w-md rounded-lg border border-line bg-surface p-8 text-center">
      {standalone ? <Logo /> : null}
      {offline ? <CloudOff className="mx-auto mt-6 h-6 w-6 text-muted" aria-hidden /> : null}
      <h1 className={offline ? "mt-3 text-lg font-semibold" : "mt-6 text-lg font-semibold"}>{title}</h1>
      <p className="mt-2 text-[13px] text-muted">{message}</p>
      <Link to={back.to} className="mt-6 inline-block text-[13px] font-medium text-accent hover:underline">
        {back.label}
      </Link>
    </div>
  );
}
