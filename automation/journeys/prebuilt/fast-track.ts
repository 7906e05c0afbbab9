/** The high-intent fast track: an immediate SMS, a calendar link, the owner notified and handed the lead. */
import { layout, type PrebuiltJourney } from "./shared";

export const fastTrack: PrebuiltJourney = {
  key: "fast-track",
  name: "High-intent fast track",
  description:
    "When a lead's engagement passes 30: an immediate SMS, a calendar link, the owner notified and handed the lead.",
  build: ({ leads }) => ({
    name: "High-intent fast track",
    description: fastTrack.description,
    table: leads,
    reentry: "after-exit",
    entry: { kind: "formula", when: "{Engagement} >= 30" },
    start: "sms",
    nodes: [
      {
        id: "sms",
        kind: "send",
        channel: "sms",
        template: {
          body: "Hi {{lead.first_name}}, thanks for all the interest! Want a quick call? We can talk today.",
        },
        next: "calendar",
      },
      {
        id: "calendar",
        kind: "send",
        channel: "email",
        template: {
          subject: "Pick a time, {{lead.first_name}}",
          body: "Hi {{lead.first_name}},\n\nBook 15 minutes with us here: https://cal.com/your-team",
        },
        next: "notify",
      },
      {
        id: "notify",
        kind: "notify",
        to: "owner",
        message: "{{lead.Name}} ({{lead.Company}}) is showing high intent: engagement {{lead.Engagement}}.",
        next: "handoff",
      },
      {
        id: "handoff",
        kind: "handoff",
        to: { person: "owner" },
        reason: "High intent: engagement over 30",
        next: "taken",
        timeout: "missed",
      },
      { id: "taken", kind: "goal", label: "Owner took it" },
      { id: "missed", kind: "exit", label: "Not taken in time" },
    ],
    exitOn: ["unsubscribed"],
    layout: layout([["sms"], ["calendar"], ["notify"], ["handoff"], ["taken", "missed"]]),
  }),
};
