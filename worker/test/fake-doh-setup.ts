/** The DNS-over-HTTPS stand-in for the domain check's tests inside workerd (which cannot open servers). */
import type { TestProject } from "vitest/node";
import { startFakeDoh } from "../messaging/domain/test/fake-doh";

declare module "vitest" {
  interface ProvidedContext {
    fakeDohUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const doh = await startFakeDoh();
  project.provide("fakeDohUrl", doh.url);
  return () => doh.close();
}
