import { redirect } from "react-router";
import { apiSend, passCookies } from "../lib/api.server";
import type { Route } from "./+types/sign-out";

export async function action({ context }: Route.ActionArgs) {
  const result = await apiSend(context, "POST", "/api/auth/sign-out", {});
  const headers = passCookies(result.response);
  // Pages kept for offline use and tables kept in IndexedDB belong to the person leaving.
  headers.set("Clear-Site-Data", '"cache", "storage"');
  throw redirect("/sign-in", { headers });
}

export function loader() {
  throw redirect("/");
}
