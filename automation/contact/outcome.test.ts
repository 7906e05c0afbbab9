import { describe, expect, it } from "vitest";
import { DIALOG, decideSubmit, type SentRequest, type SubmitEvidence } from "./outcome";

const VALUES = [
  { field: "email" as const, value: "dana.whitfield@example.org" },
  { field: "message" as const, value: "Hello, I am interested in a 2025 model." },
  { field: "lastName" as const, value: "Whitfield" },
];
const HOME = "https://dealer.example/";
const POST = "https://dealer.example/wp-admin/admin-ajax.php";

/** A request after Send; by default a script's POST that carried the form and got 200. */
function request(overrides: Partial<SentRequest> = {}): SentRequest {
  return {
    method: "POST",
    url: POST,
    navigation: false,
    carried: ["email", "message", "lastName"],
    status: 200,
    refusal: null,
    landedOn: null,
    ownHost: true,
    ...overrides,
  };
}

/** What the engine saw after Send: something left, nothing else unless a test says so. */
function saw(overrides: Partial<SubmitEvidence> = {}): SubmitEvidence {
  return {
    sent: true,
    requests: [],
    values: VALUES,
    confirmation: null,
    thanks: null,
    failureText: null,
    confirmationUrl: null,
    home: HOME,
    formGone: false,
    validationErrors: [],
    ...overrides,
  };
}
const text = (t: string, where = "https://dealer.example/contact/") => ({ text: t, where });

describe("submit outcome — success is tied to the form's own submission", () => {
  it("succeeds on an accepted request that carried the typed values, naming it in the evidence", () => {
    const decision = decideSubmit(saw({ requests: [request()], confirmation: text("Your message has been sent.") }));
    expect(decision).toEqual({
      outcome: "success",
      evidence: {
        summary: expect.stringContaining("HTTP 200"),
        request: { method: "POST", url: POST, status: 200, fields: ["email", "message", "lastName"] },
        confirmation: { text: "Your message has been sent.", where: "https://dealer.example/contact/" },
      },
    });
  });

  it("takes a dialog box's words as the confirmation and says where they were", () => {
    const decision = decideSubmit(saw({ requests: [request()], confirmation: text("Thank you! Submitted.", DIALOG) }));
    expect(decision.outcome === "success" && decision.evidence.summary).toContain("a dialog box said");
  });

  it("does not take a search's move to the inventory for a confirmation (a page-wide form's post)", () => {
    const search = request({
      navigation: true,
      url: "https://dealer.example/contact-us.aspx",
      status: 302,
      landedOn: "https://dealer.example/inventory/results.aspx?q=rav4",
    });
    const thanks = text("Thank you for shopping with us! 26 vehicles match your search.");
    const decision = decideSubmit(saw({ requests: [search], thanks, formGone: true }));
    expect(decision).toMatchObject({ outcome: "failure", category: "submit_unconfirmed" });
  });

  it("does not count an accepted request that carried none of the typed values", () => {
    const ping = request({ url: "https://dealer.example/api/session/touch", carried: [] });
    const decision = decideSubmit(saw({ requests: [ping], formGone: true }));
    expect(decision).toMatchObject({ outcome: "failure", category: "submit_unconfirmed" });
    expect(decision.outcome === "failure" && decision.reason).toContain("no request carried the message");
  });

  it("takes a vendor's service that accepted the typed values only with the site's words beside it", () => {
    const vendor = request({ url: "https://leads.crm.example/submit", ownHost: false });
    expect(decideSubmit(saw({ requests: [vendor] }))).toMatchObject({ category: "submit_unconfirmed" });
    expect(decideSubmit(saw({ requests: [vendor], thanks: text("Thank you!") })).outcome).toBe("success");
  });

  it("believes the site's answer over a thank-you shown before the answer came", () => {
    const decision = decideSubmit(
      saw({ requests: [request({ status: 500 })], confirmation: text("Thank you! Your message has been sent.") }),
    );
    expect(decision).toMatchObject({ outcome: "failure", category: "error" });
  });

  it("does not call a 200 page that says the message failed a success", () => {
    const decision = decideSubmit(
      saw({
        requests: [request({ navigation: true, landedOn: "https://dealer.example/contact/submitted.aspx" })],
        thanks: text("Thank you for your interest."),
        failureText: text("Unfortunately your message could not be sent due to a technical problem."),
        confirmationUrl: "https://dealer.example/contact/submitted.aspx",
      }),
    );
    expect(decision).toMatchObject({ outcome: "failure", category: "error" });
    expect(decision.outcome === "failure" && decision.reason).toContain("could not be sent");
  });

  it("reads a JSON refusal in a 200 answer as the site's refusal", () => {
    const decision = decideSubmit(saw({ requests: [request({ refusal: "One or more fields have an error." })] }));
    expect(decision).toMatchObject({ outcome: "failure", category: "validation_error" });
  });

  it("waits for a request still unanswered instead of trusting the page's thanks", () => {
    const decision = decideSubmit(saw({ requests: [request({ status: null })], confirmation: text("Thank you!") }));
    expect(decision).toMatchObject({ outcome: "failure", category: "submit_unconfirmed" });
  });

  it("accepts words that name the message as received when the only request could not be read", () => {
    const decision = decideSubmit(
      saw({ requests: [request({ carried: null })], confirmation: text("We received your inquiry.") }),
    );
    expect(decision).toMatchObject({ outcome: "success", evidence: { request: null } });
  });

  it("does not believe a thank-you when nothing left the browser (a chat widget's greeting)", () => {
    const decision = decideSubmit(saw({ sent: false, confirmation: text("Thanks for reaching out! Chat with us.") }));
    expect(decision).toMatchObject({ outcome: "failure", category: "submit_unconfirmed" });
  });
});

describe("submit outcome — failures and their category", () => {
  it("reports a 403 answer to the submission as blocked", () => {
    expect(decideSubmit(saw({ requests: [request({ status: 403 })] }))).toMatchObject({ category: "blocked" });
  });

  it("reports errors shown on the form, with what they said, as a validation error", () => {
    const decision = decideSubmit(saw({ validationErrors: ["Phone is required", "Please enter a valid ZIP"] }));
    expect(decision).toEqual({
      outcome: "failure",
      category: "validation_error",
      reason: expect.stringContaining("Phone is required; Please enter a valid ZIP"),
    });
  });

  it("calls it a validation error when nothing left the browser and the page shows errors", () => {
    const decision = decideSubmit(saw({ sent: false, formGone: true, validationErrors: ["Email is required"] }));
    expect(decision).toMatchObject({ outcome: "failure", category: "validation_error" });
  });

  it("does not claim success when nothing changed after submit", () => {
    expect(decideSubmit(saw())).toMatchObject({ outcome: "failure", category: "submit_unconfirmed" });
  });
});
