/** The Worker's handlers around an HTTP app, shared by the production and test entries. */
import { createApp, type RenderApp } from "./app";
import { handleScheduled } from "./cron";
import { handleQueue } from "./queues";

export function createWorker(renderApp: RenderApp): ExportedHandler<Env> {
  const app = createApp(renderApp);
  return {
    fetch: (request, env, ctx) => app.fetch(request, env, ctx),
    queue: (batch, env) => handleQueue(batch, env),
    scheduled: (controller, env) => handleScheduled(controller, env),
  };
}
