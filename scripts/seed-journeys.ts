/**
 * The demo workspace's journeys (see `worker/journeys/demo`): the "Leads and journeys" tables with sample
 * leads and the prebuilt journeys. Runs once: later starts find the Leads table.
 */
import { JOURNEYS_KINDS } from "../schema/journeys-tables";
import { seedJourneys } from "../worker/journeys/demo";
import { DEMO } from "./seed";
import { seedThroughApi } from "./seed-api";

export function seedDemoJourneys(port: number): Promise<void> {
  return seedThroughApi(port, { label: "journeys", kind: JOURNEYS_KINDS.leads }, (call) =>
    seedJourneys(call, DEMO.ownerEmail),
  );
}
