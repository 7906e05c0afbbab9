import { describe, expect, it } from "vitest";
import { judgeForm, pickContactForm } from "./forms";
import type { ButtonInfo } from "./page-model";
import { choice, control, form } from "./test-data";

function button(text: string): ButtonInfo {
  return { ref: 0, text, name: "", type: "submit", disabled: false, visible: true };
}

const contact = form(
  [
    control({ label: "First Name", required: true }),
    control({ label: "Last Name", required: true }),
    control({ kind: "email", label: "Email", required: true }),
    control({ kind: "tel", label: "Phone" }),
    control({ kind: "textarea", label: "Questions or Comments" }),
  ],
  { context: "Contact Us", buttons: [button("Send Message")] },
);

const newsletter = form([control({ kind: "email", placeholder: "Enter your email" })], { buttons: [button("Join")] });

// Name, e-mail and phone would make it a contact form; only its heading says otherwise.
const tradeIn = form(
  [
    control({ label: "Year" }),
    control({ label: "Make" }),
    control({ label: "Model" }),
    control({ kind: "number", label: "Mileage" }),
    control({ label: "Name", required: true }),
    control({ kind: "email", label: "Email", required: true }),
    control({ kind: "tel", label: "Phone" }),
  ],
  { context: "Value My Trade", buttons: [button("Get My Offer")] },
);

const search = form([control({ placeholder: "Search by make, model or keyword", name: "q" })], {
  buttons: [button("Search")],
});

// A sign-up form that nothing but its password box tells apart from a contact form.
const login = form(
  [
    control({ label: "First Name" }),
    control({ label: "Last Name" }),
    control({ kind: "email", label: "Email" }),
    control({ kind: "tel", label: "Phone" }),
  ],
  { context: "My Garage", hasPassword: true, buttons: [button("Continue")] },
);

const calculator = form(
  [
    control({ kind: "number", label: "Vehicle price" }),
    control({ kind: "number", label: "Down payment" }),
    control({ kind: "number", label: "Interest rate" }),
    control({ kind: "select", label: "Term", choices: [choice("36 months"), choice("60 months")] }),
  ],
  { context: "Payment Calculator", buttons: [button("Calculate")] },
);

const directions = form([control({ label: "Starting address" })], {
  context: "Get Directions",
  buttons: [button("Go")],
});

const decoys = [newsletter, tradeIn, search, login, calculator, directions];

describe("form finder — what a form is for", () => {
  it.each([
    ["the contact form", contact, "contact"],
    ["one e-mail box and “Join”", newsletter, "newsletter"],
    ["“Value My Trade”", tradeIn, "trade_in"],
    ["a search box", search, "search"],
    ["a form with a password", login, "login"],
    ["a payment calculator", calculator, "calculator"],
    ["“Get Directions”", directions, "directions"],
  ] as const)("judges %s as %s", (_, judged, kind) => {
    expect(judgeForm(judged).kind).toBe(kind);
  });
});

describe("form finder — picking the form to fill", () => {
  it("picks the contact form over newsletter, trade-in, search, login, calculator and directions forms", () => {
    expect(pickContactForm([...decoys, contact])).toBe(contact);
  });

  it("picks nothing when the page has only forms that do not reach the dealer", () => {
    expect(pickContactForm(decoys)).toBeNull();
  });

  it("passes over a contact form the visitor cannot see", () => {
    expect(pickContactForm([{ ...contact, visible: false }])).toBeNull();
  });
});
