import { redirect } from "react-router";
import type { Me } from "../../schema/api";
import { apiGet } from "../lib/api.server";
import type { Route } from "./+types/home";

/** `/` goes to the first workspace, to creating one, or to sign in. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const me = await apiGet<Me>(context, request, "/api/me");
  const first = me.workspaces[0];
  throw redirect(first ? `/w/${first.slug}` : "/new");
}
