import { describe, expect, it } from "vitest";
import { choice, control } from "./test-data";
import { emailChoice, formatPhone, formatZip, salesChoice, vehicleChoice } from "./values";

const PHONE = "(512) 555-0147";

describe("phone numbers — shaped to the field", () => {
  it("follows a placeholder that shows the layout", () => {
    expect(formatPhone(PHONE, control({ placeholder: "###-###-####" }))).toBe("512-555-0147");
  });

  it("follows a placeholder that shows an example number", () => {
    expect(formatPhone(PHONE, control({ placeholder: "555-555-5555" }))).toBe("512-555-0147");
    expect(formatPhone("+1 512 555 0147", control({ placeholder: "555-555-5555" }))).toBe("512-555-0147");
  });

  it("follows an input mask", () => {
    expect(formatPhone("512-555-0147", control({ mask: "(999) 999-9999" }))).toBe("(512) 555-0147");
  });

  it("keeps a country code the mask asks for", () => {
    expect(formatPhone(PHONE, control({ mask: "+1 (999) 999-9999" }))).toBe("+1 (512) 555-0147");
  });

  it("writes the number the way the field's pattern accepts", () => {
    expect(formatPhone(PHONE, control({ pattern: "\\d{3}-\\d{3}-\\d{4}" }))).toBe("512-555-0147");
  });

  it("sends bare digits to a field whose pattern wants ten digits", () => {
    expect(formatPhone(PHONE, control({ pattern: "[0-9]{10}" }))).toBe("5125550147");
  });

  it("sends bare digits to a field that holds only ten characters", () => {
    expect(formatPhone(PHONE, control({ maxLength: 10 }))).toBe("5125550147");
  });

  it("keeps the number as the sender wrote it when the field gives no hint", () => {
    expect(formatPhone(PHONE, control())).toBe(PHONE);
  });

  it("drops the leading 1 of an 11-digit number to fit a ten-digit layout", () => {
    expect(formatPhone("+1 512 555 0147", control({ mask: "999-999-9999" }))).toBe("512-555-0147");
  });

  it("keeps an 11-digit number as written when the field gives no hint", () => {
    expect(formatPhone("+1 512 555 0147", control())).toBe("+1 512 555 0147");
  });
});

describe("ZIP codes — cut to the field", () => {
  it("sends the five-digit ZIP to a five-character field", () => {
    expect(formatZip("78701-1234", control({ maxLength: 5 }))).toBe("78701");
  });

  it("keeps ZIP+4 when the field has no length limit", () => {
    expect(formatZip("78701-1234", control())).toBe("78701-1234");
  });
});

describe("choosing an option — sales department", () => {
  it("picks Sales over Service", () => {
    expect(salesChoice([choice("Service"), choice("Sales"), choice("Parts")])?.text).toBe("Sales");
  });

  it("picks a buying option when no option says sales", () => {
    const options = [choice("Service", "service"), choice("Parts", "parts"), choice("Buying or leasing", "3")];
    expect(salesChoice(options)?.text).toBe("Buying or leasing");
  });

  it("picks an option whose value names sales when its text does not", () => {
    const options = [choice("Service", "service"), choice("Buying or leasing", "sales-inquiry")];
    expect(salesChoice(options)).toEqual(choice("Buying or leasing", "sales-inquiry"));
  });

  it("skips a “Select department” prompt with an empty value, even one that mentions sales", () => {
    const options = [
      choice("Select department: Sales, Service or Parts", ""),
      choice("Service"),
      choice("New & Used Sales", "sales"),
    ];
    expect(salesChoice(options)?.text).toBe("New & Used Sales");
  });

  it("falls back to a general option, and finds nothing in a list without one", () => {
    expect(salesChoice([choice("Service"), choice("General question")])?.text).toBe("General question");
    expect(salesChoice([choice("Select department", ""), choice("Service"), choice("Parts")])).toBeNull();
  });
});

describe("choosing an option — reply by e-mail", () => {
  it("picks the e-mail option of a radio group, with its ref", () => {
    const options = [choice("Phone", "phone", 21), choice("Text", "sms", 22), choice("E-mail", "email", 23)];
    expect(emailChoice(options)).toEqual(choice("E-mail", "email", 23));
  });

  it("picks the Spanish e-mail option", () => {
    expect(emailChoice([choice("Teléfono"), choice("Correo electrónico")])?.text).toBe("Correo electrónico");
  });

  it("finds nothing when e-mail is not offered", () => {
    expect(emailChoice([choice("Phone"), choice("Text")])).toBeNull();
  });
});

describe("choosing an option — vehicle of interest", () => {
  const models = [choice("Camry"), choice("Corolla"), choice("RAV4"), choice("Highlander")];

  it("matches the model named in the sender's vehicle", () => {
    expect(vehicleChoice(models, "2025 Toyota RAV4 XLE")?.text).toBe("RAV4");
  });

  it("prefers the option sharing the most words with the vehicle", () => {
    const options = [choice("Toyota Camry"), choice("Toyota RAV4 Hybrid"), choice("Toyota Tacoma")];
    expect(vehicleChoice(options, "2025 Toyota RAV4 XLE")?.text).toBe("Toyota RAV4 Hybrid");
  });

  it("finds nothing when the sender named no vehicle or the model is not listed", () => {
    expect(vehicleChoice(models, "")).toBeNull();
    expect(vehicleChoice(models, "2025 Toyota Tacoma")).toBeNull();
  });
});
