/**
 * The Messages API stand-in for tests inside workerd (they cannot open servers themselves): started
 * on a free port on 127.0.0.1 by vitest's globalSetup, answering each agent's valid fixture answer
 * unless a test queued other turns over its control route (`POST /__fake/queue/<agent>`).
 */
import type { TestProject } from "vitest/node";
import { startFakeMessagesApi } from "../../automation/sites/agents/test/fake-messages-api";
import { ANSWERS } from "../../automation/sites/agents/test/fixtures";

declare module "vitest" {
  interface ProvidedContext {
    fakeAnthropic: { url: string };
  }
}

export default async function setup(project: TestProject) {
  const api = await startFakeMessagesApi(ANSWERS);
  project.provide("fakeAnthropic", { url: api.url });
  return () => api.close();
}
