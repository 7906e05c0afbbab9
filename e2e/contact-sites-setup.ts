/** Starts the dealership site corpus for the tests inside workerd (they cannot spawn processes). */
import type { TestProject } from "vitest/node";
import { CORPUS_PROFILE, startContactSites } from "./contact-sites";

declare module "vitest" {
  interface ProvidedContext {
    contactSites: {
      port: number;
      iframePort: number;
      profile: typeof CORPUS_PROFILE;
      /** Each site of the corpus and the outcome its checker expects. */
      sites: { id: string; expected: string }[];
    };
  }
}

export default async function setup(project: TestProject) {
  const sites = await startContactSites();
  project.provide("contactSites", {
    port: sites.port,
    iframePort: sites.iframePort,
    profile: CORPUS_PROFILE,
    sites: await sites.sites(),
  });
  return () => sites.stop();
}
