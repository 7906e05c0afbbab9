import { describe, expect, it } from "vitest";
import { decideSubmit, isConfirmationUrl, isThanks, type SubmitEvidence } from "./outcome";

/** What the engine saw after submit: a request left, and nothing else, unless a test says otherwise. */
function saw(overrides: Partial<SubmitEvidence> = {}): SubmitEvidence {
  return {
    sent: true,
    thanks: null,
    confirmationUrl: null,
    responses: [],
    formGone: false,
    validationErrors: [],
    ...overrides,
  };
}

const POST = "https://dealer.example/wp-admin/admin-ajax.php";

describe("submit outcome — success needs evidence", () => {
  it("does not believe a thank-you when nothing left the browser (a chat widget's greeting)", () => {
    const decision = decideSubmit(saw({ sent: false, thanks: "Thanks for visiting! Chat with us." }));
    expect(decision).toMatchObject({ outcome: "failure", category: "submit_unconfirmed" });
  });

  it("calls it a validation error when nothing left the browser and the page shows errors", () => {
    const decision = decideSubmit(saw({ sent: false, formGone: true, validationErrors: ["Email is required"] }));
    expect(decision).toMatchObject({ outcome: "failure", category: "validation_error" });
  });

  it("succeeds when the page thanks the sender, quoting the page", () => {
    const decision = decideSubmit(saw({ thanks: "Thank you! Your message has been sent." }));
    expect(decision).toEqual({ outcome: "success", evidence: expect.stringContaining("Your message has been sent") });
  });

  it("succeeds when the site moves to a confirmation page", () => {
    const url = "https://dealer.example/contact-us/thank-you/";
    expect(decideSubmit(saw({ confirmationUrl: url }))).toEqual({
      outcome: "success",
      evidence: expect.stringContaining(url),
    });
  });

  it("succeeds when the site accepted the POST and replaced the form", () => {
    const decision = decideSubmit(saw({ responses: [{ status: 200, url: POST }], formGone: true }));
    expect(decision).toEqual({ outcome: "success", evidence: expect.stringContaining("HTTP 200") });
  });

  it("trusts the thanks text over a failed request seen alongside it", () => {
    const decision = decideSubmit(saw({ thanks: "Thanks!", responses: [{ status: 500, url: POST }] }));
    expect(decision.outcome).toBe("success");
  });
});

describe("submit outcome — failures and their category", () => {
  it("reports a 403 answer as blocked", () => {
    expect(decideSubmit(saw({ responses: [{ status: 403, url: POST }] }))).toMatchObject({
      outcome: "failure",
      category: "blocked",
    });
  });

  it("reports errors shown on the form, with what they said, as a validation error", () => {
    const decision = decideSubmit(saw({ validationErrors: ["Phone is required", "Please enter a valid ZIP"] }));
    expect(decision).toEqual({
      outcome: "failure",
      category: "validation_error",
      reason: expect.stringContaining("Phone is required; Please enter a valid ZIP"),
    });
  });

  it("reports a 500 answer as an error", () => {
    expect(decideSubmit(saw({ responses: [{ status: 500, url: POST }] }))).toMatchObject({
      outcome: "failure",
      category: "error",
    });
  });

  it("does not claim success when nothing changed after submit", () => {
    expect(decideSubmit(saw())).toMatchObject({ outcome: "failure", category: "submit_unconfirmed" });
  });
});

describe("submit outcome — reading the page", () => {
  it("recognises thanks in English, Spanish and French, and not an error message", () => {
    expect(isThanks("thank you for contacting us")).toBe(true);
    expect(isThanks("we ll be in touch shortly")).toBe(true);
    expect(isThanks("gracias por su mensaje")).toBe(true);
    expect(isThanks("merci pour votre message")).toBe(true);
    expect(isThanks("please fill in all required fields")).toBe(false);
  });

  it("recognises a confirmation page by its path or query, not by its host", () => {
    expect(isConfirmationUrl("https://dealer.example/thank-you/")).toBe(true);
    expect(isConfirmationUrl("https://dealer.example/contact-us/?submitted=1")).toBe(true);
    expect(isConfirmationUrl("https://success-motors.example/contact-us/")).toBe(false);
    expect(isConfirmationUrl("not a url")).toBe(false);
  });
});
