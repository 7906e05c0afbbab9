/** The example journey, as the API takes it: the shared fixture of this folder's tests. */
import { JourneyDefinition, type JourneyDefinitionInput } from "../../schema/journeys";

export const EXAMPLE_INPUT: JourneyDefinitionInput = {
  name: "Welcome",
  table: "tbl_leads",
  reentry: "never",
  entry: { kind: "manual" },
  start: "hello",
  nodes: [
    {
      id: "hello",
      kind: "send",
      channel: "email",
      template: { subject: "Hi {{lead.name}}", body: "Welcome, {{lead.first_name}} from {{lead.Company}}." },
      next: "wait1",
    },
    { id: "wait1", kind: "wait", until: { event: "clicked", timeoutSeconds: 5 }, next: "thanks", timeout: "check" },
    {
      id: "check",
      kind: "condition",
      all: [{ type: "property", field: "Score", operator: "greater_than", value: 50 }],
      yes: "sms",
      no: "bye",
    },
    { id: "sms", kind: "send", channel: "sms", template: { body: "Still there, {{lead.first_name}}?" }, next: "bye" },
    { id: "thanks", kind: "handoff", to: { person: "owner" }, reason: "clicked", next: "bye" },
    { id: "bye", kind: "exit" },
  ],
  caps: [{ channel: "any", max: 3, perDays: 7, over: "defer" }],
};

/** A fresh parsed copy of the example, with `change` applied to the input first. */
export function example(change: (input: JourneyDefinitionInput) => void = () => {}): JourneyDefinition {
  const input = structuredClone(EXAMPLE_INPUT);
  change(input);
  return JourneyDefinition.parse(input);
}

/** The Leads columns the example reads. */
export const EXAMPLE_COLUMNS = ["Name", "Email", "Phone", "Company", "Score"];
