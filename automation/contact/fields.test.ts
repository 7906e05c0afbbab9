import { describe, expect, it } from "vitest";
import type { LogicalField } from "../../schema/contact";
import { classifyControl, describeControl, isTrap } from "./fields";
import type { ControlInfo } from "./page-model";
import { choice, control } from "./test-data";

interface Row {
  says: string;
  control: Partial<ControlInfo>;
  field: LogicalField | null;
}

const ROWS: Row[] = [
  // English, by label, name, placeholder, aria-label, autocomplete and input type
  { says: 'label "First Name"', control: { label: "First Name" }, field: "firstName" },
  { says: 'name "fname"', control: { name: "fname" }, field: "firstName" },
  { says: 'name "first_name"', control: { name: "first_name" }, field: "firstName" },
  { says: 'name "customer_first"', control: { name: "customer_first" }, field: "firstName" },
  { says: 'name "customer_last"', control: { name: "customer_last" }, field: "lastName" },
  { says: 'autocomplete "given-name"', control: { autocomplete: "given-name" }, field: "firstName" },
  { says: 'label "Last Name"', control: { label: "Last Name" }, field: "lastName" },
  { says: 'id "lastName"', control: { id: "lastName" }, field: "lastName" },
  { says: 'label "Surname"', control: { label: "Surname" }, field: "lastName" },
  { says: 'autocomplete "family-name"', control: { autocomplete: "family-name" }, field: "lastName" },
  { says: 'placeholder "Your Name*"', control: { placeholder: "Your Name*" }, field: "fullName" },
  { says: 'label "Full Name"', control: { label: "Full Name" }, field: "fullName" },
  { says: 'label "Name"', control: { label: "Name" }, field: "fullName" },
  { says: 'label "E-mail"', control: { label: "E-mail" }, field: "email" },
  { says: 'label "Email Address"', control: { label: "Email Address" }, field: "email" },
  { says: "type email with no label", control: { kind: "email" }, field: "email" },
  { says: 'id "txtEmail"', control: { id: "txtEmail" }, field: "email" },
  { says: 'autocomplete "section-contact email"', control: { autocomplete: "section-contact email" }, field: "email" },
  { says: 'aria-label "Mobile Number"', control: { ariaLabel: "Mobile Number" }, field: "phone" },
  { says: "type tel with no label", control: { kind: "tel" }, field: "phone" },
  { says: 'label "Phone Number"', control: { label: "Phone Number" }, field: "phone" },
  { says: 'name "phoneNumber"', control: { name: "phoneNumber" }, field: "phone" },
  { says: 'autocomplete "tel"', control: { autocomplete: "tel" }, field: "phone" },
  { says: 'label "Postal code"', control: { label: "Postal code" }, field: "zip" },
  { says: 'label "Zip"', control: { label: "Zip" }, field: "zip" },
  { says: 'placeholder "ZIP Code"', control: { placeholder: "ZIP Code" }, field: "zip" },
  { says: 'autocomplete "postal-code"', control: { autocomplete: "postal-code" }, field: "zip" },
  {
    says: 'textarea "Questions or Comments"',
    control: { kind: "textarea", label: "Questions or Comments" },
    field: "message",
  },
  { says: 'textarea "How can we help?"', control: { kind: "textarea", label: "How can we help?" }, field: "message" },
  {
    says: 'textarea "Note to the dealer"',
    control: { kind: "textarea", label: "Note to the dealer" },
    field: "message",
  },
  { says: "textarea with no label", control: { kind: "textarea" }, field: "message" },
  { says: 'label "Subject"', control: { label: "Subject" }, field: "subject" },
  { says: 'label "Vehicle of interest"', control: { label: "Vehicle of interest" }, field: "vehicle" },

  // Spanish
  { says: 'label "Nombre"', control: { label: "Nombre" }, field: "fullName" },
  { says: 'label "Apellido"', control: { label: "Apellido" }, field: "lastName" },
  { says: 'label "Correo electrónico"', control: { label: "Correo electrónico" }, field: "email" },
  { says: 'label "Teléfono"', control: { label: "Teléfono" }, field: "phone" },
  { says: 'label "Celular"', control: { label: "Celular" }, field: "phone" },
  { says: 'label "Código postal"', control: { label: "Código postal" }, field: "zip" },
  { says: 'textarea "Mensaje"', control: { kind: "textarea", label: "Mensaje" }, field: "message" },
  { says: 'textarea "Comentarios"', control: { kind: "textarea", label: "Comentarios" }, field: "message" },
  { says: 'label "Asunto"', control: { label: "Asunto" }, field: "subject" },
  {
    says: 'select "Departamento" (Ventas…)',
    control: {
      kind: "select",
      label: "Departamento",
      choices: [choice("Seleccione", ""), choice("Ventas"), choice("Servicio")],
    },
    field: "department",
  },

  // French
  { says: 'label "Prénom"', control: { label: "Prénom" }, field: "firstName" },
  { says: 'label "Nom de famille"', control: { label: "Nom de famille" }, field: "lastName" },
  { says: 'label "Courriel"', control: { label: "Courriel" }, field: "email" },
  { says: 'label "Téléphone"', control: { label: "Téléphone" }, field: "phone" },

  // Choice controls
  {
    says: 'radios "Reply by" (Email/Phone/Text)',
    control: {
      kind: "radio",
      group: "Reply by",
      choices: [choice("Email", "email", 101), choice("Phone", "phone", 102), choice("Text", "text", 103)],
    },
    field: "preferredContact",
  },
  {
    says: 'select "Preferred contact method"',
    control: { kind: "select", label: "Preferred contact method", choices: [choice("Phone"), choice("Email")] },
    field: "preferredContact",
  },
  {
    says: 'select "Send to" (S/SV/P)',
    control: {
      kind: "select",
      label: "Send to",
      choices: [choice("Sales", "S"), choice("Service", "SV"), choice("Parts", "P")],
    },
    field: "department",
  },
  {
    says: 'checkbox "I agree to be contacted…"',
    control: { kind: "checkbox", label: "I agree to be contacted by the dealership by phone, text or email." },
    field: "consent",
  },

  // Controls the sender profile cannot answer
  {
    says: 'trade-in "Your vehicle (…)"',
    control: { label: "Your vehicle (year make model)", group: "Your trade-in" },
    field: null,
  },
  { says: 'label "Repair order #"', control: { label: "Repair order #" }, field: null },
  { says: 'date input "Date of visit"', control: { kind: "date", label: "Date of visit" }, field: null },
  { says: 'label "Stock number"', control: { label: "Stock number", name: "stock_no" }, field: null },
];

describe("field matcher — what a control means", () => {
  it.each(ROWS)("reads $says as $field", ({ control: overrides, field }) => {
    expect(classifyControl(control(overrides)).field).toBe(field);
  });

  it("believes an autocomplete token over a contradicting label", () => {
    expect(classifyControl(control({ label: "Name", autocomplete: "family-name" })).field).toBe("lastName");
  });

  it("never reads a text box as consent, or a checkbox as a message", () => {
    expect(classifyControl(control({ label: "I agree to the terms" })).field).toBeNull();
    expect(classifyControl(control({ kind: "checkbox", label: "Comments" })).field).toBeNull();
  });
});

describe("field matcher — bot traps", () => {
  it("treats a control the visitor cannot see as a trap, whatever it is called", () => {
    expect(isTrap(control({ kind: "email", label: "Email", visible: false }))).toBe(true);
  });

  it("treats a visible field labelled “Leave this blank” as a trap", () => {
    expect(isTrap(control({ label: "Leave this blank" }))).toBe(true);
  });

  it("treats a field named “honeypot” as a trap", () => {
    expect(isTrap(control({ name: "honeypot" }))).toBe(true);
  });

  it("does not treat a normal visible e-mail field as a trap", () => {
    expect(isTrap(control({ kind: "email", label: "Email", name: "email", required: true }))).toBe(false);
  });
});

describe("field matcher — how a control is named in reports", () => {
  it("uses the first thing the page says about it, then its name, then its kind", () => {
    expect(describeControl(control({ label: "  Repair order #  ", placeholder: "RO-1234" }))).toBe("Repair order #");
    expect(describeControl(control({ placeholder: "RO-1234", name: "ro" }))).toBe("RO-1234");
    expect(describeControl(control({ name: "ro_number" }))).toBe("ro_number");
    expect(describeControl(control({ kind: "date" }))).toBe("date");
  });
});
