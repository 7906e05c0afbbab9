/** The React Router server build, a virtual module the Vite plugin provides to the Worker entry. */
declare module "virtual:react-router/server-build" {
  import type { ServerBuild } from "react-router";

  const build: ServerBuild;
  export = build;
}
