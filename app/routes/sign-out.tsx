import { redirect } from "react-router";
import { apiSend, passCookies } from "../lib/api.server";
import type { Route } from "./+types/sign-out";

export async function action({ context }: Route.ActionArgs) {
  const result = await apiSend(context, "POST", "/api/auth/sign-out", {});
  throw redirect("/sign-in", { headers: passCookies(result.response) });
}

export function loader() {
  throw redirect("/");
}
