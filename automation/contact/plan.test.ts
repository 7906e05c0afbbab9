import { describe, expect, it } from "vitest";
import { SenderProfile } from "../../schema/contact";
import { type FillPlan, planFill } from "./plan";
import { choice, control, form } from "./test-data";

const profile = SenderProfile.parse({
  firstName: "Dana",
  lastName: "Whitfield",
  email: "dana.whitfield@example.org",
  phone: "(512) 555-0147",
  zip: "78701",
  message: "Hello, I am interested in a 2025 model. Please send your best out-the-door price.",
  vehicleOfInterest: "2025 Toyota RAV4 XLE",
});

/** What the plan does to each control, by the control's selector. */
function actionsBySelector(plan: FillPlan) {
  return Object.fromEntries(plan.fills.map((f) => [f.control.selector, { field: f.field, ...f.action }]));
}

describe("fill plan — a Gravity Forms contact form", () => {
  const first = control({ label: "First", group: "Name", name: "input_1.3", required: true });
  const last = control({ label: "Last", group: "Name", name: "input_1.6", required: true });
  const email = control({ kind: "email", label: "Email", name: "input_2", required: true });
  const phone = control({ kind: "tel", label: "Phone", name: "input_3" });
  const department = control({
    kind: "radio",
    group: "Department",
    name: "input_4",
    required: true,
    choices: [choice("Sales", "Sales", 41), choice("Service", "Service", 42), choice("Parts", "Parts", 43)],
  });
  const message = control({ kind: "textarea", label: "Message", name: "input_5", required: true });
  const consent = control({
    kind: "checkbox",
    label: "I agree to be contacted by the dealership about my inquiry.",
    name: "input_6.1",
    required: true,
  });
  const honeypot = control({ label: "Email", name: "input_7", visible: false });
  const plan = planFill(
    form([first, last, email, phone, department, message, consent, honeypot], { context: "Contact Us" }),
    profile,
  );

  it("types the sender's name, e-mail, phone and message into their fields", () => {
    const actions = actionsBySelector(plan);
    expect(actions[first.selector]).toEqual({ field: "firstName", type: "text", value: "Dana" });
    expect(actions[last.selector]).toEqual({ field: "lastName", type: "text", value: "Whitfield" });
    expect(actions[email.selector]).toEqual({ field: "email", type: "text", value: "dana.whitfield@example.org" });
    expect(actions[phone.selector]).toEqual({ field: "phone", type: "text", value: "(512) 555-0147" });
    expect(actions[message.selector]).toEqual({ field: "message", type: "text", value: profile.message });
  });

  it("checks the Sales department and the required consent box", () => {
    const actions = actionsBySelector(plan);
    expect(actions[department.selector]).toEqual({ field: "department", type: "check", ref: 41, text: "Sales" });
    expect(actions[consent.selector]).toMatchObject({ field: "consent", type: "check", ref: consent.ref });
  });

  it("leaves the hidden honeypot alone", () => {
    expect(plan.traps).toEqual([honeypot]);
    expect(plan.fills.map((f) => f.control)).not.toContain(honeypot);
  });

  it("finds nothing required left unanswered, and is sure of every field", () => {
    expect(plan.missing).toEqual([]);
    expect(plan.unsure).toEqual([]);
  });
});

describe("fill plan — forms the profile cannot complete", () => {
  it("lists the required fields nobody can fill from the profile, by their labels", () => {
    const plan = planFill(
      form([
        control({ label: "Name", required: true }),
        control({ kind: "email", label: "Email", required: true }),
        control({ label: "Repair order #", required: true }),
        control({ kind: "date", label: "Date of visit", required: true }),
        control({ kind: "textarea", label: "Comments" }),
      ]),
      profile,
    );
    expect(plan.missing).toEqual(["Repair order #", "Date of visit"]);
  });

  it("does not count an optional unknown field, or a required one already answered, as missing", () => {
    const plan = planFill(
      form([
        control({ kind: "email", label: "Email", required: true }),
        control({ label: "Repair order #" }),
        control({ kind: "date", label: "Date of visit", required: true, value: "2025-06-02" }),
      ]),
      profile,
    );
    expect(plan.missing).toEqual([]);
  });

  it("leaves an optional consent box unticked", () => {
    const plan = planFill(
      form([
        control({ kind: "email", label: "Email", required: true }),
        control({ kind: "checkbox", label: "I agree to receive marketing e-mails" }),
      ]),
      profile,
    );
    expect(plan.fills.map((f) => f.field)).toEqual(["email"]);
  });
});

describe("fill plan — name fields", () => {
  it("puts the first name in “Name” when “Last name” sits beside it", () => {
    const name = control({ label: "Name", required: true });
    const last = control({ label: "Last name", required: true });
    const plan = planFill(form([name, last, control({ kind: "email", label: "Email" })]), profile);
    const actions = actionsBySelector(plan);
    expect(actions[name.selector]).toEqual({ field: "firstName", type: "text", value: "Dana" });
    expect(actions[last.selector]).toEqual({ field: "lastName", type: "text", value: "Whitfield" });
  });

  it("reads “First” and “Last” under a “Your Name” caption as the two halves of the name", () => {
    const first = control({ label: "First", group: "Your Name", required: true });
    const last = control({ label: "Last", group: "Your Name", required: true });
    const plan = planFill(form([first, last, control({ kind: "email", label: "Email" })]), profile);
    expect(actionsBySelector(plan)[first.selector]).toMatchObject({ field: "firstName", value: "Dana" });
    expect(actionsBySelector(plan)[last.selector]).toMatchObject({ field: "lastName", value: "Whitfield" });
    expect(plan.missing).toEqual([]);
  });

  it("reads “Nom” next to “Prénom” as the last name", () => {
    const first = control({ label: "Prénom", required: true });
    const last = control({ label: "Nom", required: true });
    const plan = planFill(form([first, last, control({ kind: "email", label: "Courriel" })]), profile);
    expect(actionsBySelector(plan)[last.selector]).toMatchObject({ field: "lastName", value: "Whitfield" });
  });

  it("puts the whole name in a lone “Your Name”", () => {
    const name = control({ label: "Your Name", required: true });
    const plan = planFill(form([name, control({ kind: "email", label: "Email" })]), profile);
    expect(actionsBySelector(plan)[name.selector]).toEqual({
      field: "fullName",
      type: "text",
      value: "Dana Whitfield",
    });
  });
});

describe("fill plan — meanings decided by the field assistant", () => {
  const first = control({ nearby: "Vorname", required: true });
  const email = control({ kind: "email", nearby: "E-Mail", required: true });
  const fax = control({ label: "Phone (fax)", required: false });

  it("fills what the assistant says a field means, over the matcher's reading", () => {
    const plan = planFill(
      form([first, email, fax]),
      profile,
      new Map([
        [first.ref, "firstName"],
        [fax.ref, null],
      ]),
    );
    expect(actionsBySelector(plan)[first.selector]).toMatchObject({ field: "firstName", value: "Dana" });
    expect(actionsBySelector(plan)[fax.selector]).toBeUndefined();
    expect(plan.missing).toEqual([]);
  });

  it("still refuses a required field the assistant says the profile cannot answer", () => {
    const plan = planFill(form([first, email]), profile, new Map([[first.ref, null]]));
    expect(plan.missing).toEqual(["Vorname"]);
  });
});

describe("fill plan — captions under the boxes, and a phone in three parts", () => {
  // JotForm-style: a "Name *" block whose boxes are captioned only by the small text under them.
  const first = control({ name: "q3_first", nearby: "Name *", group: "Name *", caption: "First Name", required: true });
  const last = control({ name: "q3_last", group: "Name *", caption: "Last Name", required: true });
  const area = control({
    kind: "tel",
    name: "q4_area",
    group: "Phone Number",
    caption: "Area Code",
    maxLength: 3,
    required: true,
  });
  const prefix = control({ kind: "tel", name: "q4_prefix", group: "Phone Number", maxLength: 3, required: true });
  const line = control({
    kind: "tel",
    name: "q4_line",
    group: "Phone Number",
    caption: "Phone Number",
    maxLength: 4,
    required: true,
  });
  const plan = planFill(form([first, last, area, prefix, line]), profile);

  it("reads “First Name” and “Last Name” under a “Name” block as the two halves of the name", () => {
    expect(actionsBySelector(plan)[first.selector]).toMatchObject({ field: "firstName", value: "Dana" });
    expect(actionsBySelector(plan)[last.selector]).toMatchObject({ field: "lastName", value: "Whitfield" });
  });

  it("types the area code, prefix and line into their own boxes, and leaves nothing required empty", () => {
    const typed = [area, prefix, line].map((c) => actionsBySelector(plan)[c.selector]);
    expect(typed).toMatchObject([{ value: "512" }, { value: "555" }, { value: "0147" }]);
    expect(plan.missing).toEqual([]);
  });

  it("does not split the phone over boxes that are not sized for its parts", () => {
    const whole = control({ kind: "tel", label: "Phone", maxLength: 14 });
    const zip = control({ label: "ZIP", maxLength: 5 });
    const fills = planFill(form([whole, zip]), profile).fills;
    expect(fills.filter((f) => f.field === "phone").map((f) => f.control)).toEqual([whole]);
  });
});
