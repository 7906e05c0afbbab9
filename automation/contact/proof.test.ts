import { describe, expect, it } from "vitest";
import {
  carriedFields,
  carriesEnough,
  confirmsReceipt,
  isConfirmationUrl,
  isThanks,
  isUnrelatedPage,
  refusalIn,
  saysFailed,
} from "./proof";
import { normalize } from "./text";

const VALUES = [
  { field: "firstName" as const, value: "Dana" },
  { field: "email" as const, value: "dana.whitfield@example.org" },
  { field: "phone" as const, value: "(512) 555-0147" },
  { field: "message" as const, value: "Hello, I am interested in a 2025 model. Please send your best price." },
];

describe("proof — which typed values a request carried", () => {
  it("finds them in a urlencoded, a JSON and a multipart body", () => {
    const form =
      "fname=Dana&email=dana.whitfield%40example.org&phone=512-555-0147&msg=Hello%2C+I+am+interested+in+a+2025";
    expect(carriedFields(form, VALUES).sort()).toEqual(["email", "firstName", "message", "phone"]);
    const json = JSON.stringify({ lead: { email: "Dana.Whitfield@example.org", comments: VALUES[3]!.value } });
    expect(carriedFields(json, VALUES).sort()).toEqual(["email", "message"]);
    const multipart =
      '--x\r\nContent-Disposition: form-data; name="your-email"\r\n\r\ndana.whitfield@example.org\r\n--x--';
    expect(carriedFields(multipart, VALUES)).toEqual(["email"]);
  });

  it("finds nothing in a ping or a search, and asks for two values when two were typed", () => {
    expect(carriedFields('{"event":"form_submit","form":"contact"}', VALUES)).toEqual([]);
    expect(carriedFields("q=rav4&page=2", VALUES)).toEqual([]);
    expect(carriesEnough(["email"], VALUES)).toBe(false);
    expect(carriesEnough(["email", "message"], VALUES)).toBe(true);
    expect(carriesEnough(["email"], [VALUES[1]!])).toBe(true);
  });
});

describe("proof — what the site's words say", () => {
  it("tells words that name the message as received from thanks that prove nothing", () => {
    for (const said of [
      "Thank you for contacting us",
      "Your request has been submitted.",
      "Request sent.",
      "Thanks for reaching out! A member of the team will be in touch shortly.",
      "A sales consultant will contact you shortly.",
      "¡Gracias! Recibimos su mensaje",
      "Merci pour votre message",
    ])
      expect(confirmsReceipt(normalize(said)), said).toBe(true);
    for (const said of ["Thank you for shopping with us!", "Thanks for visiting! Chat with us.", "Thank you!"])
      expect(confirmsReceipt(normalize(said)), said).toBe(false);
    expect(isThanks(normalize("Thank you!"))).toBe(true);
  });

  it("hears a failure even in a page that starts with thanks", () => {
    const said =
      "Thank you for your interest. Unfortunately your message could not be sent due to a technical problem.";
    expect(saysFailed(normalize(said))).toBe(true);
    expect(confirmsReceipt(normalize(said))).toBe(false);
    expect(saysFailed(normalize("Sorry, we couldn't send your message. Please call us."))).toBe(true);
    expect(saysFailed(normalize("Your message has been sent."))).toBe(false);
  });

  it("reads a refusal in a JSON answer, and nothing in a plain or approving one", () => {
    expect(refusalIn('{"status":"validation_failed","message":"One or more fields have an error."}')).toBe(
      "One or more fields have an error.",
    );
    expect(refusalIn('{"success":false}')).toContain("success: false");
    expect(refusalIn('{"status":"error","errors":["email"]}')).toBeTruthy();
    expect(refusalIn('{"status":"mail_sent","invalid_fields":[]}')).toBeNull();
    expect(refusalIn('{"ok":true}')).toBeNull();
    expect(refusalIn("ok")).toBeNull();
  });

  it("recognises a confirmation page by its path or query, and an unrelated page a post moved to", () => {
    expect(isConfirmationUrl("https://dealer.example/thank-you/")).toBe(true);
    expect(isConfirmationUrl("https://success-motors.example/contact-us/")).toBe(false);
    const home = "https://dealer.example/";
    expect(isUnrelatedPage("https://dealer.example/inventory/results.aspx", home)).toBe(true);
    expect(isUnrelatedPage("https://dealer.example/?q=rav4", home)).toBe(true);
    expect(isUnrelatedPage("https://dealer.example/", home)).toBe(true);
    expect(isUnrelatedPage("https://dealer.example/contact-us/thanks.html", home)).toBe(false);
  });
});
