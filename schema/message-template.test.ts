import { describe, expect, it } from "vitest";
import { type MessageContext, renderMessage, unknownPlaceholders } from "./message-template";

const ctx: MessageContext = {
  dealership: { name: "Crescent Chevrolet", city: "Austin" },
  makes: ["Chevrolet", "Buick", "GMC"],
  sender: { firstName: "Dana", lastName: "Whitfield", email: "dana@example.com", phone: "555-0100", zip: "78701" },
  project: { name: "Family SUV" },
};

describe("message templates", () => {
  it("fills every known placeholder, with or without spaces inside the braces", () => {
    const text = renderMessage(
      "Hi {{dealership.name}} in {{ dealership.city }}: a {{make}} ({{makes}}). {{sender.name}}, {{sender.phone}}, {{project.name}}",
      ctx,
    );
    expect(text).toBe(
      "Hi Crescent Chevrolet in Austin: a Chevrolet (Chevrolet, Buick and GMC). Dana Whitfield, 555-0100, Family SUV",
    );
  });

  it("leaves unknown placeholders as written and names them", () => {
    expect(renderMessage("Hello {{dealer}} and {{dealer}}", ctx)).toBe("Hello {{dealer}} and {{dealer}}");
    expect(unknownPlaceholders("Hello {{dealer}}, {{sender.firstName}} {{dealer}} {{ zip }}")).toEqual([
      "dealer",
      "zip",
    ]);
  });

  it("does not treat inherited object keys as placeholders", () => {
    expect(unknownPlaceholders("{{constructor}} {{toString}}")).toEqual(["constructor", "toString"]);
    expect(renderMessage("{{constructor}}", ctx)).toBe("{{constructor}}");
  });
});
