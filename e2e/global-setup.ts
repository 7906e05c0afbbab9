/** Builds the app once and serves it for the browser and socket tests. */
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { run } from "../scripts/run";
import { serve } from "../scripts/serve";
import { startFakeDoh } from "../worker/messaging/domain/test/fake-doh";
import { Api, type SharedAccount } from "./api";

declare module "vitest" {
  interface ProvidedContext {
    baseUrl: string;
    /** The served app's storage folder (its D1 database is there, for sign-in links). */
    state: string;
    account: SharedAccount;
  }
}

export default async function setup(project: TestProject) {
  // Vitest sets NODE_ENV=test, which would bundle React's development build: test what ships.
  await run("react-router", ["build"], { quiet: true, env: { NODE_ENV: "production" } });
  // The sending domain check asks DNS here: the fake's domains (nodmarc.example…) are checkable.
  const doh = await startFakeDoh();
  const served = await serve({ env: { DOH_URL: doh.url } });
  project.provide("baseUrl", served.url);
  project.provide("state", served.state);
  // One account for every test that does not test sign-up itself: sign-ups are limited per address.
  const { api } = await Api.account(served.url);
  project.provide("account", await api.share());
  return async () => {
    await served.stop();
    await doh.close();
    rmSync(served.state, { recursive: true, force: true });
  };
}
