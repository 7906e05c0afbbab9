/**
 * The demo workspace's outreach project: once the local server is up, a project near Austin
 * filled from the labelled, fictional sample directory. Runs once; later starts find the
 * Projects table and change nothing.
 */
import { OUTREACH_KINDS } from "../schema/outreach-tables";
import type { CreateProject } from "../schema/projects";
import { seedThroughApi } from "./seed-api";

const DEMO_PROJECT: CreateProject = {
  name: "Family SUV near Austin",
  description: "A sample project: Toyota, Honda and Mazda dealers within 100 miles of downtown Austin.",
  location: { zip: "78701" },
  radiusMiles: 100,
  makes: ["Toyota", "Honda", "Mazda"],
  sender: {
    firstName: "Dana",
    lastName: "Whitfield",
    email: "dana.whitfield@example.org",
    phone: "(512) 555-0147",
    zip: "78701",
    extra: {},
  },
  message:
    "Hello {{dealership.name}}, I am shopping for a new {{make}} SUV and would like your best out-the-door price. " +
    "I can be reached at {{sender.phone}}. Thank you, {{sender.name}}",
  settings: { batchSize: 5, concurrency: 2 },
};

export function seedDemoProject(port: number): Promise<void> {
  return seedThroughApi(port, { label: "project", kind: OUTREACH_KINDS.projects }, async (call) => {
    const { id } = await call("POST", "/projects", DEMO_PROJECT);
    const found = await call("POST", `/projects/${id}/discover`, { source: "sample" });
    return `Seeded the demo project "${DEMO_PROJECT.name}" with ${found.added} sample dealerships.`;
  });
}
