import { redirect } from "react-router";
import type { Me } from "../../schema/api";
import { apiGet } from "../lib/api.server";
import { KEPT, keptCopy, unreachable } from "../offline/kept";
import type { Route } from "./+types/home";

/** `/` goes to the first workspace, to creating one, or to sign in. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const me = await apiGet<Me>(context, request, "/api/me");
  const first = me.workspaces[0];
  throw redirect(first ? `/w/${first.slug}` : "/new");
}

/** With no server, the workspace last opened on this device. */
export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  try {
    return await serverLoader();
  } catch (error) {
    const slug = unreachable(error) ? await keptCopy<string>(KEPT.lastWorkspace).catch(() => null) : null;
    if (slug) throw redirect(`/w/${slug}`);
    throw error;
  }
}
