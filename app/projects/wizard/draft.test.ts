import { describe, expect, it } from "vitest";
import { type Draft, EMPTY_DRAFT, firstStepWithProblems, problemsAt, toCreateProject } from "./draft";

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
