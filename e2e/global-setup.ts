/** Builds the app once and serves it for the browser and socket tests. */
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { run } from "../scripts/run";
import { serve } from "../scripts/serve";

declare module "vitest" {
  interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  await run("react-router", ["build"], { quiet: true });
  const served = await serve();
  project.provide("baseUrl", served.url);
  return async () => {
    await served.stop();
    rmSync(served.state, { recursive: true, force: true });
  };
}
