/** Geographic messaging: an email by the lead's region, then a dealer-proximity alert. */
import { days, layout, type PrebuiltJourney } from "./shared";

export const geographic: PrebuiltJourney = {
  key: "geographic",
  name: "Geographic",
  description:
    "Messages by the lead's location (Texas or elsewhere), then a dealer-proximity alert naming the dealership the lead came from.",
  build: ({ leads, dealerships }) => ({
    name: "Geographic",
    description: dealerships
      ? `${geographic.description} Dealer leads are those made from the Dealerships table (${dealerships}).`
      : geographic.description,
    table: leads,
    reentry: "never",
    entry: { kind: "manual" },
    start: "region",
    nodes: [
      {
        id: "region",
        kind: "condition",
        label: "In Texas?",
        any: [{ type: "property", field: "Location", operator: "contains", value: ["TX", "Texas"] }],
        yes: "texas",
        no: "elsewhere",
      },
      {
        id: "texas",
        kind: "send",
        channel: "email",
        template: {
          subject: "News for Texas, {{lead.first_name}}",
          body: "Hi {{lead.first_name}},\n\nHere is what is happening near {{lead.Location}} this month.",
        },
        next: "wait",
      },
      {
        id: "elsewhere",
        kind: "send",
        channel: "email",
        template: {
          subject: "News near {{lead.Location}}",
          body: "Hi {{lead.first_name}},\n\nHere is what is happening near you this month.",
        },
        next: "wait",
      },
      { id: "wait", kind: "wait", seconds: days(2), next: "near-dealer" },
      {
        id: "near-dealer",
        kind: "condition",
        label: "Near a dealer?",
        all: [
          { type: "property", field: "Location", operator: "exists" },
          dealerships
            ? { type: "property", field: "Source", operator: "contains", value: `${dealerships}:` }
            : { type: "property", field: "Company", operator: "exists" },
        ],
        yes: "dealer-alert",
        no: "done",
      },
      {
        id: "dealer-alert",
        kind: "send",
        channel: "email",
        label: "Dealer proximity alert",
        template: {
          subject: "A dealer near {{lead.Location}}",
          body: "Hi {{lead.first_name}},\n\nThe nearest dealership to you is {{lead.Company}}. Stop by this week and mention this email.",
        },
        next: "done",
      },
      { id: "done", kind: "exit" },
    ],
    exitOn: ["unsubscribed"],
    layout: layout([["region"], ["texas", "elsewhere"], ["wait"], ["near-dealer"], ["dealer-alert"], ["done"]]),
  }),
};
