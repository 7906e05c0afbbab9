/**
 * The Messages API stand-in (`automation/sites/agents/test/fake-messages-api.ts`) for the tests
 * inside workerd, which cannot open servers themselves: started on 127.0.0.1 by vitest's
 * globalSetup, answering each agent with its valid fixture answer. Tests run a site job with
 * `ANTHROPIC_BASE_URL` set to `inject("fakeAnthropic").url`.
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
