import { describe, expect, it } from "vitest";
import type { ProjectDetail } from "../../../schema/projects";
import {
  changesSearch,
  type Draft,
  draftFromProject,
  EMPTY_DRAFT,
  firstStepWithProblems,
  problemsAt,
  stepsWithProblems,
  toCreateProject,
  toUpdateProject,
  withSenderZip,
} from "./draft";

const complete: Draft = {
  ...EMPTY_DRAFT,
  name: "Spring SUV search",
  zip: "10001",
  makes: ["Toyota", "Honda"],
  firstName: "Dana",
  lastName: "Reyes",
  email: "dana@example.com",
  phone: "(212) 555-0100",
  extra: [{ label: "Trade-in", value: "2015 Civic" }],
};

describe("project wizard — step checks", () => {
  it("asks for a name on the first step, in a sentence", () => {
    expect(problemsAt("Project", EMPTY_DRAFT)).toEqual({ name: "Name is required" });
  });

  it("checks the ZIP or the address, whichever is chosen, the radius and the makes", () => {
    const p = problemsAt("Search", { ...EMPTY_DRAFT, zip: "1234", radius: "900" });
    expect(p.zip).toBe("ZIP must be a 5-digit US ZIP code");
    expect(p.radius).toMatch(/at most 500 miles/);
    expect(p.makes).toBe("Choose at least one make");
    const byAddress = problemsAt("Search", { ...complete, locationKind: "address", zip: "", address: "Main St" });
    expect(byAddress).toEqual({});
  });

  it("keeps batch size and concurrency within the schema's bounds", () => {
    const p = problemsAt("Search", { ...complete, batchSize: "0", concurrency: "9" });
    expect(p.batchSize).toMatch(/from 1 to 25/);
    expect(p.concurrency).toMatch(/from 1 to 4/);
  });

  it("checks the sender's email and phone and that extra fields have distinct labels", () => {
    const p = problemsAt("Sender", {
      ...complete,
      email: "dana",
      phone: "55",
      extra: [
        { label: "Budget", value: "30k" },
        { label: "budget", value: "35k" },
        { label: "", value: "orphan" },
      ],
    });
    expect(Object.keys(p).sort()).toEqual(["email", "extra.1", "extra.2", "phone"]);
  });

  it("refuses a message with an unknown placeholder, naming it", () => {
    expect(problemsAt("Message", { ...complete, message: "Hi {{dealer}}" }).message).toBe(
      "Unknown placeholder: {{dealer}}",
    );
  });
});

describe("project wizard — the request", () => {
  it("builds the API's body from a complete draft", () => {
    expect(firstStepWithProblems(complete)).toBeNull();
    const body = toCreateProject(complete);
    expect(body.location).toEqual({ zip: "10001" });
    expect(body.radiusMiles).toBe(150);
    expect(body.sender.extra).toEqual({ "Trade-in": "2015 Civic" });
    expect(body.settings).toEqual({ batchSize: 5, concurrency: 2 });
  });

  it("names the first step that still has a problem", () => {
    expect(firstStepWithProblems({ ...complete, email: "" })).toBe("Sender");
  });
});

/** A saved project as the API returns it, made from the complete draft. */
const project: ProjectDetail = {
  id: "p1",
  status: "active",
  createdAt: "2026-03-01T12:00:00.000Z",
  locationLabel: "New York, NY",
  counts: { pending: 3, queued: 0, running: 0, success: 1, failed: 0, manual_override: 0, total: 4 },
  successRate: 1,
  center: { lat: 40.75, lng: -73.99, label: "New York, NY" },
  run: null,
  tables: { projects: "t1", dealerships: "t2", attempts: "t3" },
  ...toCreateProject({ ...complete, description: "SUVs under 40k", radius: "60", batchSize: "10", concurrency: "3" }),
  makes: ["Toyota", "Honda"],
};

describe("project wizard — editing a project", () => {
  it("fills every step from the project, each one already valid", () => {
    const draft = draftFromProject(project);
    expect(stepsWithProblems(draft)).toEqual([]);
    expect(draft).toMatchObject({
      name: "Spring SUV search",
      description: "SUVs under 40k",
      locationKind: "zip",
      zip: "10001",
      address: "",
      radius: "60",
      makes: ["Toyota", "Honda"],
      email: "dana@example.com",
      extra: [{ label: "Trade-in", value: "2015 Civic" }],
      batchSize: "10",
      concurrency: "3",
    });
    const { name, description, location, radiusMiles, makes, sender, message, settings } = project;
    expect(toCreateProject(draft)).toEqual({
      name,
      description,
      location,
      radiusMiles,
      makes,
      sender,
      message,
      settings,
    });
  });

  it("starts from the address when the project searches from one", () => {
    const draft = draftFromProject({ ...project, location: { address: "233 S Wacker Dr, Chicago, IL" } });
    expect(draft).toMatchObject({ locationKind: "address", address: "233 S Wacker Dr, Chicago, IL", zip: "" });
  });

  it("sends nothing when nothing changed, makes in another order included", () => {
    const before = draftFromProject(project);
    expect(toUpdateProject(before, { ...before })).toEqual({});
    expect(toUpdateProject(before, { ...before, makes: ["Honda", "Toyota"], name: " Spring SUV search " })).toEqual({});
  });

  it("sends only the parts that changed, a part whole", () => {
    const before = draftFromProject(project);
    const update = toUpdateProject(before, { ...before, name: "Wider search", radius: "90", phone: "(212) 555-0199" });
    expect(Object.keys(update).sort()).toEqual(["name", "radiusMiles", "sender"]);
    expect(update).toMatchObject({ name: "Wider search", radiusMiles: 90 });
    expect(update.sender).toEqual({ ...project.sender, phone: "(212) 555-0199" });
    expect(changesSearch(update)).toBe(true);
  });

  it("tells a change of search criteria from one of words", () => {
    const before = draftFromProject(project);
    expect(changesSearch(toUpdateProject(before, { ...before, message: "Hi {{dealership.name}}" }))).toBe(false);
    expect(changesSearch(toUpdateProject(before, { ...before, makes: ["Toyota"] }))).toBe(true);
    const moved = toUpdateProject(before, { ...before, locationKind: "address", address: "Main St, Hoboken, NJ" });
    expect(moved).toEqual({ location: { address: "Main St, Hoboken, NJ" } });
  });
});

describe("withSenderZip", () => {
  it("offers the search ZIP as the sender's, and never overwrites one typed", () => {
    const base = { ...EMPTY_DRAFT, locationKind: "zip" as const, zip: "78701" };
    expect(withSenderZip(base).senderZip).toBe("78701");
    expect(withSenderZip({ ...base, senderZip: "73301" }).senderZip).toBe("73301");
    expect(withSenderZip({ ...base, locationKind: "address" }).senderZip).toBe("");
  });
});
