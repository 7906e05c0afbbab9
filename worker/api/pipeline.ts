/**
 * The pipeline dashboard's figures under `/api/pipeline` (the workspace chosen as for
 * `/api/tables`; viewers may read): stage counts, conversion, waiting items and throughput.
 */
import { Hono } from "hono";
import { readPipeline } from "../autopilot/pipeline";
import type { AppEnv } from "./context";
import { workspaceFor } from "./tables";

export const pipelineRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const access = await workspaceFor(c, "read");
  return c.json(await readPipeline(c.env, c.get("db"), access.workspace.id));
});
